import { readFile } from 'node:fs/promises';
import path from 'node:path';

// The reports and forecast-backtest sections of results/README.md, from their JSON files.

type ReportRow = {
  report: string;
  query: Record<string, string>;
  p50Ms?: number;
  meetsAim?: boolean;
  ratioToNaiveSql?: { p50: number };
  skipped?: string;
};
type ReportsResult = {
  engine: string;
  deals: number;
  events?: number;
  date: string;
  results: ReportRow[];
  factsCostPerMove?: { addedP50Ms: number };
};
type BacktestResult = {
  now: string;
  date: string;
  results: {
    seed: number;
    unit: string;
    periods: number;
    summary: {
      method: string;
      countMape: number | null;
      amountMape: number | null;
      coverage?: { count: number };
    }[];
  }[];
};

async function readJson<T>(dir: string, file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T;
  } catch {
    return null;
  }
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
// Two rows of one report differ by their query (cohort or active, owner or team).
const variant = (q: Record<string, string>) => q.mode ?? q.by ?? q.unit ?? '';

export async function reportsSection(dir: string): Promise<string[]> {
  const runs = (
    await Promise.all(
      ['postgres', 'pglite'].map((e) => readJson<ReportsResult>(dir, `reports-${e}.json`)),
    )
  ).filter((r): r is ReportsResult => r !== null);
  if (!runs.length) return [];
  const n = (x: number) => x.toLocaleString('en');
  return [
    '',
    '## Reports (`--only reports`)',
    '',
    'Each report through the app over the last 365 days (nearly every deal), p50 of five runs, and',
    'the ratio to naive SQL over the raw events where one was written. The aim is p50 ≤ 300 ms.',
    '',
    '| engine | deals | report | p50 (ms) | ratio to naive SQL | aim met |',
    '| --- | ---: | --- | ---: | ---: | --- |',
    ...runs.flatMap((r) =>
      r.results.map((x) => {
        const name = `${x.report}${variant(x.query) ? ` (${variant(x.query)})` : ''}`;
        if (x.p50Ms === undefined)
          return `| ${r.engine} | ${n(r.deals)} | ${name} | not run: ${x.skipped ?? '—'} | – | **no** |`;
        const ratio = x.ratioToNaiveSql ? `${x.ratioToNaiveSql.p50}` : '–';
        return `| ${r.engine} | ${n(r.deals)} | ${name} | ${ms(x.p50Ms)} | ${ratio} | ${x.meetsAim ? 'yes' : '**no**'} |`;
      }),
    ),
    '',
    ...runs.map(
      (r) =>
        `- \`reports-${r.engine}.json\`: ${r.date}${r.events ? `, ${n(r.events)} events` : ''}${r.factsCostPerMove ? `; the facts trigger adds ${r.factsCostPerMove.addedP50Ms} ms to a move (p50)` : ''}`,
    ),
  ];
}

export async function backtestSection(dir: string): Promise<string[]> {
  const result = await readJson<BacktestResult>(dir, 'forecast-backtest.json');
  if (!result) return [];
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? '–' : `${(v * 100).toFixed(0)}%`;
  const of = (s: BacktestResult['results'][number]['summary'], m: string) =>
    s.find((x) => x.method === m);
  return [
    '',
    '## Forecast backtest (`--only backtest`)',
    '',
    'Mean absolute percentage error of the count and amount won per period, on the demo seeded',
    `with each seed at a fixed now (${result.now}); the aim is the learned method below stage-weighted, its P10–P90 holding about 80%.`,
    '',
    '| seed | periods | count: stage-weighted | count: learned | amount: stage-weighted | amount: learned | P10–P90 held (count) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.results.map((r) => {
      const w = of(r.summary, 'stage_weighted');
      const l = of(r.summary, 'learned');
      return `| ${r.seed} | ${r.periods} ${r.unit}s | ${pct(w?.countMape)} | ${pct(l?.countMape)} | ${pct(w?.amountMape)} | ${pct(l?.amountMape)} | ${pct(l?.coverage?.count)} |`;
    }),
    '',
    `- \`forecast-backtest.json\`: ${result.date}`,
  ];
}
