import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The fields of web.json that the summary reads. */
type Latency = { samples: number; p50Ms: number; p95Ms: number };
type WebResult = {
  date: string;
  node: string;
  chromium: string;
  cores: number;
  loadAverage: { before: number[]; after: number[] };
  build: { entry: string };
  viewport: { width: number; height: number };
  data: { pipeline: string; openDeals: number; stages: number };
  aims: { firstLoadJsGzipKB: number; boardMs: number; moveMs: number };
  firstLoadJs: {
    gzipKB: number;
    rawKB: number;
    files: { file: string; kind: string; bytes: number; gzipBytes: number }[];
    initial: { gzipBytes: number };
  };
  board: {
    cold: Latency;
    warm: Latency;
    coldSteps: Record<string, number>;
    coldLongTaskMs: number;
    coldBoardRequests: number[];
  };
  move: Record<'optimistic' | 'dropAnimation' | 'moveResponse' | 'settled', Latency>;
};

const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
const ms = (n: number) => n.toFixed(n >= 10 ? 0 : 1);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const thousands = (n: number) => n.toLocaleString('en');

function latencyRow(label: string, l: Latency, aimMs?: number) {
  const aim = aimMs === undefined ? '–' : `< ${thousands(aimMs)} ms`;
  const met = aimMs === undefined ? '–' : `${yes(l.p50Ms < aimMs)} / ${yes(l.p95Ms < aimMs)}`;
  return `| ${label} (${l.samples}) | ${ms(l.p50Ms)} | ${ms(l.p95Ms)} | ${aim} | ${met} |`;
}

/** The "Web (headless Chromium)" section of results/README.md, from web.json if there is one. */
export async function webSection(resultsDir: string): Promise<string[]> {
  const file = path.join(resultsDir, 'web.json');
  if (!existsSync(file)) return [];
  const r = JSON.parse(await readFile(file, 'utf8')) as WebResult;
  const js = r.firstLoadJs;
  const steps = r.board.coldSteps;
  const step = (name: string) => `${ms(steps[name] ?? Number.NaN)} ms`;
  // More than one board request in a load means the first was cancelled and asked again.
  const repeated = r.board.coldBoardRequests.some((n) => n > 1)
    ? ` Board requests per load: ${r.board.coldBoardRequests.join(', ')}.`
    : '';
  return [
    '',
    '## Web (headless Chromium)',
    '',
    `The built web app served by the real server (PGlite in memory), the ${r.data.pipeline} pipeline`,
    `holding ${thousands(r.data.openDeals)} open deals in ${r.data.stages} columns, in headless Chromium`,
    `(playwright-core, ${r.viewport.width}x${r.viewport.height}, signed in with a session cookie).`,
    'Times are taken inside the page (performance.now); the count of runs is in brackets. Board:',
    'navigation start to the first frame after every column shows its count and every non-empty',
    'column its first card; cold is a new browser context (empty cache) per load, warm a reload.',
    'Move: a mouse drag of a top card to the next stage, from the release of the button to the first',
    'frame showing the card in its new column with both counts changed (optimistic); settled adds the',
    "server's answer and the board refetch it triggers. Met: p50 / p95; with this few runs the p95",
    "is the slowest run (nearest rank), and it moves with the machine's other work (load average below).",
    '',
    '| measure | p50 | p95 | aim | met |',
    '| --- | ---: | ---: | --- | --- |',
    `| first-load JavaScript, gzip -9 (KB) | ${js.gzipKB} | – | ≤ ${r.aims.firstLoadJsGzipKB} KB | ${yes(js.gzipKB <= r.aims.firstLoadJsGzipKB)} |`,
    latencyRow('board, cold load (ms)', r.board.cold, r.aims.boardMs),
    latencyRow('board, warm reload (ms)', r.board.warm),
    latencyRow('move, drop to card placed (ms)', r.move.optimistic, r.aims.moveMs),
    latencyRow('move, drop animation over (ms)', r.move.dropAnimation),
    latencyRow('move, server answered (ms)', r.move.moveResponse),
    latencyRow('move, settled with the server (ms)', r.move.settled),
    '',
    `- \`web.json\`: ${r.date}, Chromium ${r.chromium}, Node ${r.node}, production build \`${r.build.entry}\`, ${r.cores} cores, load average ${r.loadAverage.before.join(' ')} before and ${r.loadAverage.after.join(' ')} after`,
    `- Cold load, medians: HTML at ${step('documentEnd')}, scripts in at ${step('scriptsEnd')}, board request ${step('boardRequestStart')} to ${step('boardRequestEnd')}, drawn at ${step('painted')}; ${ms(r.board.coldLongTaskMs)} ms of it in long main-thread tasks.${repeated}`,
    '',
    `First-load JavaScript of the board route: ${js.rawKB} KB raw, ${js.gzipKB} KB gzipped (KB = 1024 bytes), of which`,
    `${kb(js.initial.gzipBytes)} KB named by index.html (entry and modulepreload) and the rest loaded on the way.`,
    '',
    '| file | kind | raw (KB) | gzip -9 (KB) |',
    '| --- | --- | ---: | ---: |',
    ...js.files.map((f) => `| ${f.file} | ${f.kind} | ${kb(f.bytes)} | ${kb(f.gzipBytes)} |`),
  ];
}
