// The review as a PDF, drawn on the server with pdfkit in Be Vietnam Pro (a font shipped in an npm
// package that covers Vietnamese; pdfkit's built-in fonts have no ạ, ề or ữ), so it renders on a
// machine with no system fonts. The fonts are embedded as subsets. See docs/decisions/0010.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { PipelineReview, ReviewDeal } from '../../../contracts/review.js';
import { formatMoney } from '../../../domain/money.js';
import { fill, reviewLabels, type ReviewLang } from './review-labels.js';

const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`);
const REGULAR = font('400Regular/BeVietnamPro_400Regular.ttf');
const BOLD = font('700Bold/BeVietnamPro_700Bold.ttf');

type Labels = ReturnType<typeof reviewLabels>;

// Characters Be Vietnam Pro has no glyph for (they would print as blank boxes), each with one it
// has: arrows, and the thin spaces Intl puts in some dates and amounts.
const MISSING: Record<string, string> = { '\u2192': '›', '\u202f': '\u00a0', '\u2009': '\u00a0' };
const printable = (text: string) => text.replace(/[\u2192\u202f\u2009]/g, (c) => MISSING[c] ?? c);

const at = (iso: string, zone: string, lang: ReviewLang) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: zone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

/** A calendar date ('YYYY-MM-DD') as the language writes it. */
const day = (date: string, lang: ReviewLang) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'UTC',
    dateStyle: 'medium',
  }).format(new Date(`${date}T00:00:00Z`));

/** The one line saying what happened to the deal in this section. */
function detail(d: ReviewDeal, l: Labels, lang: ReviewLang): string {
  const money = (v: number, c: string) => formatMoney(v, c, lang);
  const parts = [`${d.ownerName} · ${d.stageName} · ${money(d.value, d.currency)}`];
  if (d.stage) parts.push(`${d.stage.fromName} → ${d.stage.toName}`);
  if (d.closeDate) {
    const { from, to, days } = d.closeDate;
    parts.push(`${day(from, lang)} → ${day(to, lang)} (+${days})`);
  }
  if (d.valueChange) {
    const { from, to } = d.valueChange;
    parts.push(`${money(from.value, from.currency)} → ${money(to.value, to.currency)}`);
  }
  if (d.closed?.lostReason) parts.push(d.closed.lostReason);
  if (d.stalled) {
    parts.push(fill(l.idle, { idle: `${d.stalled.idleDays}`, limit: `${d.stalled.rottingDays}` }));
  }
  if (!d.stage && !d.closeDate && d.expectedCloseDate) {
    parts.push(fill(l.expectedClose, { date: day(d.expectedCloseDate, lang) }));
  }
  return parts.join(' · ');
}

type Doc = PDFKit.PDFDocument;

/** One paragraph in a font and size, with the characters the font lacks replaced. */
const write = (doc: Doc, font: 'regular' | 'bold', size: number, text: string, indent = 0) =>
  doc.font(font).fontSize(size).text(printable(text), { indent });

function summary(doc: Doc, r: PipelineReview, l: Labels, lang: ReviewLang) {
  const money = (v: number) => formatMoney(v, r.forecast.currency, lang);
  write(doc, 'bold', 12, l.quota);
  const q = r.quota;
  const amount = (v: number) => (q?.kind === 'amount' ? money(v) : `${v} ${l.deals}`);
  write(
    doc,
    'regular',
    10,
    q
      ? fill(l.attainment, {
          target: amount(q.target),
          achieved: amount(q.achieved),
          gap: amount(q.gap),
        })
      : l.noQuota,
  );
  doc.moveDown(0.5);
  const f = r.forecast;
  write(
    doc,
    'bold',
    12,
    fill(l.forecast, { from: day(f.period.from, lang), to: day(f.period.to, lang) }),
  );
  const w = f.stageWeighted;
  const sign = w.change.amount >= 0 ? '+' : '−';
  write(
    doc,
    'regular',
    10,
    fill(l.weighted, {
      now: money(w.now.amount),
      weekAgo: money(w.weekAgo.amount),
      change: `${sign}${money(Math.abs(w.change.amount))}`,
    }),
  );
  write(
    doc,
    'regular',
    10,
    fill(l.submitted, {
      now: f.submitted.now ? money(f.submitted.now.amount) : l.noSubmission,
      weekAgo: f.submitted.weekAgo ? money(f.submitted.weekAgo.amount) : l.noSubmission,
    }),
  );
}

function section(doc: Doc, s: PipelineReview['sections'][number], l: Labels, lang: ReviewLang) {
  // Keep a heading with at least its first lines: a new page when little room is left.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.8);
  write(doc, 'bold', 13, `${l.sections[s.section]} (${s.count})`);
  if (s.totals.length > 0) {
    const totals = s.totals.map((t) => `${formatMoney(t.amount, t.currency, lang)} (${t.count})`);
    doc.fillColor('#555');
    write(doc, 'regular', 9, `${l.total}: ${totals.join(' · ')}`);
    doc.fillColor('black');
  }
  if (s.deals.length === 0) write(doc, 'regular', 10, l.none);
  for (const d of s.deals) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    write(doc, 'bold', 10, d.title);
    write(doc, 'regular', 9, detail(d, l, lang), 10);
  }
}

/** The PDF bytes of a review. `compress: false` leaves the streams readable (for inspection). */
export function reviewPdf(
  r: PipelineReview,
  lang: ReviewLang,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const l = reviewLabels(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    compress: options.compress ?? true,
    info: { Title: `${l.title}: ${r.scope.name}` },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  write(doc, 'bold', 18, `${l.title}: ${r.scope.name}`);
  write(
    doc,
    'regular',
    10,
    fill(l.window, {
      since: at(r.since, r.timeZone, lang),
      until: at(r.until, r.timeZone, lang),
      zone: r.timeZone,
    }),
  );
  doc.moveDown();
  summary(doc, r, l, lang);
  for (const s of r.sections) section(doc, s, l, lang);
  doc.end();
  return done;
}
