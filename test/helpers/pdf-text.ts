// The text of a PDF that pdfkit wrote with embedded TrueType fonts: streams inflated, each font's
// ToUnicode map read, and the hex glyph strings of the page content mapped back to characters,
// one line per TJ/Tj operator. Enough for pdfkit's output; not a general PDF reader.
import { inflateSync } from 'node:zlib';

type Obj = { dict: string; stream: string | null };

function objects(pdf: Buffer): Map<string, Obj> {
  const text = pdf.toString('latin1');
  const out = new Map<string, Obj>();
  for (const m of text.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2] as string;
    const s = body.indexOf('stream');
    if (s < 0) {
      out.set(m[1] as string, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s);
    const start = s + 'stream'.length + (body[s + 6] === '\r' ? 2 : 1);
    const raw = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    const bytes = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
    out.set(m[1] as string, { dict, stream: bytes.toString('latin1') });
  }
  return out;
}

/** UTF-16BE hex, spaces allowed (a ligature maps to several characters: <0066 0069> is "fi"). */
const hexChars = (hex: string) =>
  String.fromCharCode(
    ...(hex.replace(/\s+/g, '').match(/[0-9a-f]{4}/gi) ?? []).map((u) => parseInt(u, 16)),
  );

/** glyph code -> text, from a ToUnicode CMap's bfrange (array form) and bfchar entries. */
function cmapOf(stream: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const r of stream.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const start = parseInt(r[1] as string, 16);
    [...(r[3] as string).matchAll(/<([0-9a-f\s]+)>/gi)].forEach((u, i) =>
      map.set(start + i, hexChars(u[1] as string)),
    );
  }
  for (const block of stream.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const c of (block[1] as string).matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]+)>/gi)) {
      map.set(parseInt(c[1] as string, 16), hexChars(c[2] as string));
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const o of objs.values()) {
    for (const f of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objs.get(f[2] as string);
      const cmapRef = font?.dict.match(/\/ToUnicode (\d+) 0 R/)?.[1];
      const cmap = cmapRef ? objs.get(cmapRef)?.stream : null;
      if (cmap) fonts.set(f[1] as string, cmapOf(cmap));
    }
  }
  const lines: string[] = [];
  for (const o of objs.values()) {
    if (!o.stream || !o.stream.includes(' Tf')) continue;
    let cmap = new Map<number, string>();
    for (const op of o.stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]+)> Tj/gi)) {
      if (op[1]) {
        cmap = fonts.get(op[1]) ?? new Map();
        continue;
      }
      const hex = [...(op[2] ?? `<${op[3]}>`).matchAll(/<([0-9a-f]+)>/gi)]
        .map((h) => h[1])
        .join('');
      let line = '';
      for (let i = 0; i < hex.length; i += 4)
        line += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
      lines.push(line);
    }
  }
  return lines.join('\n');
}
