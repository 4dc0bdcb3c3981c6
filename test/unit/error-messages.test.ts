import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forbidden, notFound, versionConflict } from '../../src/domain/errors.js';
import { duplicateOf } from '../../src/server/modules/shared/versioned-update.js';
import {
  fixedMessages,
  languageOf,
  localize,
  nouns,
  patterns,
  vietnameseFor,
} from '../../src/server/plugins/error-messages.js';

// Letters only Vietnamese has: a translation without any of them is most likely still English.
const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe('languageOf', () => {
  it.each<[string | string[] | undefined, 'en' | 'vi']>([
    [undefined, 'en'],
    ['', 'en'],
    ['vi', 'vi'],
    ['VI', 'vi'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['en-US,en;q=0.9,vi;q=0.8', 'en'],
    ['en;q=0.4, vi;q=0.7', 'vi'],
    ['fr-FR,vi;q=0.5', 'vi'],
    ['fr-FR,de;q=0.5', 'en'],
    ['vi;q=0', 'en'],
    ['*', 'en'],
    [['fr', 'vi-VN'], 'vi'],
  ])('%j answers in %s', (header, lang) => {
    expect(languageOf(header)).toBe(lang);
  });
});

describe('the catalog', () => {
  it('has Vietnamese text for every fixed message', () => {
    for (const [en, vi] of Object.entries(fixedMessages)) {
      expect(vi, en).toMatch(vietnamese);
      expect(vi, en).not.toBe(en);
    }
  });

  it('has Vietnamese text for every pattern, reached by its own example', () => {
    for (const { en, example, vi } of patterns) {
      const match = en.exec(example);
      expect(match, example).not.toBeNull();
      const text = vi(...(match?.slice(1) ?? []));
      expect(text, example).toMatch(vietnamese);
      // No earlier entry takes the example away from its own pattern.
      expect(vietnameseFor(example), example).toBe(text);
    }
  });

  it('leaves English alone and unknown messages in English', () => {
    expect(localize('No such company in this workspace', 'en')).toBe(
      'No such company in this workspace',
    );
    expect(localize('Something nobody wrote down', 'vi')).toBe('Something nobody wrote down');
  });
});

// --- Reading the messages out of the source -------------------------------------------------------

const files = (dir: string, keep: (path: string) => boolean) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => join(dir, rel))
    .filter((path) => path.endsWith('.ts') && keep(path));

/** Index just past the string, template literal or comment that starts at `i`, else undefined. */
function skipQuoted(src: string, i: number): number | undefined {
  const c = src[i];
  if (c === '/' && src[i + 1] === '/') return src.indexOf('\n', i) + 1 || src.length;
  if (c === '/' && src[i + 1] === '*') return src.indexOf('*/', i) + 2;
  if (c !== "'" && c !== '"' && c !== '`') return undefined;
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === c) return j + 1;
    else if (c === '`' && src[j] === '$' && src[j + 1] === '{') j = readUntil(src, j + 2, '}').end;
  }
  return src.length;
}

/** The top-level, comma-separated pieces from `i` up to the closing bracket `close`. */
function readUntil(src: string, i: number, close: string) {
  const parts: string[] = [];
  let depth = 0;
  let start = i;
  for (let j = i; j < src.length; j++) {
    const skipped = skipQuoted(src, j);
    if (skipped !== undefined) {
      j = skipped - 1;
      continue;
    }
    const c = src[j] as string;
    if ('([{'.includes(c)) depth++;
    else if (depth === 0 && c === close) {
      parts.push(src.slice(start, j).trim());
      return { parts: parts.filter(Boolean), end: j };
    } else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && c === ',') {
      parts.push(src.slice(start, j).trim());
      start = j + 1;
    }
  }
  return { parts, end: src.length };
}

/** The text of a string literal; a template's `${...}` become "2". Undefined for anything else. */
function literal(expr: string | undefined): string | undefined {
  if (!expr) return undefined;
  const quote = expr[0];
  if ((quote !== "'" && quote !== '"' && quote !== '`') || skipQuoted(expr, 0) !== expr.length) {
    return undefined;
  }
  let text = '';
  for (let j = 1; j < expr.length - 1; j++) {
    if (expr[j] === '\\') text += expr[++j];
    else if (quote === '`' && expr[j] === '$' && expr[j + 1] === '{') {
      j = readUntil(expr, j + 2, '}').end;
      text += '2';
    } else text += expr[j];
  }
  return text;
}

/** Every call of one of `names` in `src`, with its arguments as source text. */
function* calls(src: string, names: string[]) {
  const re = new RegExp(`\\b(${names.join('|')})\\(`, 'g');
  for (const m of src.matchAll(re)) {
    yield { name: m[1] as string, args: readUntil(src, m.index + m[0].length, ')').parts };
  }
}

/** Object properties `message: '...'`, as in zod's `refine(fn, { message })` and `addIssue`. */
function* messageProps(src: string) {
  for (const m of src.matchAll(/\bmessage:\s*/g)) {
    const start = m.index + m[0].length;
    const end = skipQuoted(src, start);
    if (end !== undefined) yield src.slice(start, end);
  }
}

const serverFiles = [
  ...files('src/server', (p) => !/plugins[/\\](error|validation)-messages\.ts$/.test(p)),
  ...files('src/domain', (p) => !p.endsWith('errors.ts')),
];

/** What the API can answer with, read from every throw site; `dynamic` lists non-literal ones. */
function thrownMessages() {
  const found: { file: string; message: string; noun?: string }[] = [];
  const dynamic: string[] = [];
  const names = [
    'invalid',
    'forbidden',
    'conflict',
    'unprocessable',
    'notFound',
    'versionConflict',
    'checkVersionedUpdate',
    'duplicateOf',
    'DomainError',
    'localize',
    't',
  ];
  const messageArg: Record<string, number> = {
    invalid: 1,
    DomainError: 1,
    checkVersionedUpdate: 1,
  };
  for (const file of serverFiles) {
    const src = readFileSync(file, 'utf8');
    for (const { name, args } of calls(src, names)) {
      const index = messageArg[name] ?? 0;
      const arg = args[index];
      const text = literal(arg);
      if (name === 'forbidden' && !arg) found.push({ file, message: forbidden().message });
      else if (text === undefined) dynamic.push(`${file}: ${name}(${arg ?? ''})`);
      else if (name === 'notFound')
        found.push({ file, message: notFound(text).message, noun: text });
      else if (name === 'versionConflict' || name === 'checkVersionedUpdate') {
        found.push({ file, message: versionConflict(text, 2).message, noun: text });
        if (name === 'checkVersionedUpdate') {
          found.push({ file, message: notFound(text).message, noun: text });
        }
      } else if (name === 'duplicateOf') {
        const message = duplicateOf(text, literal(args[1]) ?? '').message;
        found.push({ file, message, noun: text });
      } else found.push({ file, message: text });
    }
    for (const prop of messageProps(src)) {
      const text = literal(prop);
      if (text !== undefined) found.push({ file, message: text });
    }
  }
  return { found, dynamic };
}

/** Custom messages in the zod schemas: `.min(10, '...')`, `.int('...')`, `{ message: '...' }`. */
function schemaMessages() {
  const found: { file: string; message: string }[] = [];
  const lastArg = [
    'min',
    'max',
    'length',
    'regex',
    'refine',
    'gt',
    'gte',
    'lt',
    'lte',
    'multipleOf',
  ];
  const onlyArg = [
    'int',
    'email',
    'url',
    'uuid',
    'positive',
    'negative',
    'nonnegative',
    'nonempty',
  ];
  const schemaFiles = [
    ...files('src/contracts', () => true),
    ...files('src/server', (p) => p.endsWith('.routes.ts')),
  ];
  for (const file of schemaFiles) {
    const src = readFileSync(file, 'utf8');
    for (const { name, args } of calls(src, [...lastArg, ...onlyArg])) {
      const arg = lastArg.includes(name) ? (args.length > 1 ? args.at(-1) : undefined) : args[0];
      const text = literal(arg);
      if (text !== undefined) found.push({ file, message: text });
    }
    for (const prop of messageProps(src)) {
      const text = literal(prop);
      if (text !== undefined) found.push({ file, message: text });
    }
  }
  return found;
}

describe('every message the API can answer with has Vietnamese', () => {
  const { found, dynamic } = thrownMessages();
  const schema = schemaMessages();

  it('finds the messages (the scan itself works)', () => {
    const messages = found.map((f) => f.message);
    expect(messages.length).toBeGreaterThan(60);
    expect(messages).toContain('No such company in this workspace');
    expect(messages).toContain('Deal not found');
    expect(messages).toContain('The stage holds 2 deals; say where they go with moveDealsTo');
    expect(messages).toContain('2 not found; nothing was changed');
    expect(messages).toContain('You do not have permission to do this');
    expect(messages).toContain('Body is not valid JSON');
    expect(schema.map((f) => f.message)).toContain(
      'must be a three-letter ISO 4217 code such as USD or VND',
    );
    expect(schema.map((f) => f.message)).toContain('give ownerId, stageId or both');
  });

  it('covers every message thrown under src/server', () => {
    const missing = found.filter((f) => vietnameseFor(f.message) === undefined);
    expect(missing).toEqual([]);
  });

  it('covers every custom message in the zod schemas', () => {
    const missing = schema.filter((f) => vietnameseFor(f.message) === undefined);
    expect(missing).toEqual([]);
  });

  it('knows the Vietnamese for every record that notFound and friends name', () => {
    const named = found.filter((f) => f.noun && !Object.hasOwn(fixedMessages, f.message));
    const untranslated = named.filter((f) => vietnameseFor(f.message)?.includes(f.noun as string));
    expect(untranslated).toEqual([]);
    expect(Object.keys(nouns).length).toBeGreaterThan(5);
  });

  it('passes no computed messages, whose text the scan could not check', () => {
    // The helpers that forward a caller's text are the only exceptions.
    expect(dynamic.map((d) => d.replace(/\\/g, '/')).sort()).toEqual([
      // The streamed import run localizes a DomainError's message as the error handler does.
      'src/server/modules/imports/import-stream.routes.ts: localize(err.message)',
      'src/server/modules/shared/versioned-update.ts: notFound(what)',
      'src/server/modules/shared/versioned-update.ts: versionConflict(what)',
      'src/server/plugins/errors.ts: localize(message)',
      'src/server/plugins/errors.ts: t(err.message)',
    ]);
  });
});
