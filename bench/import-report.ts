import { readFile } from 'node:fs/promises';
import path from 'node:path';

type ImportRun = {
  rows: number;
  csvBytes: number;
  importer: { seconds: number; rowsPerSec: number; maxRssMb: number };
  copy: { seconds: number; rowsPerSec: number };
  ratio: number;
  memoryWithinLimit: boolean;
  loadAverage: { before: number[]; after: number[] };
};
type ImportResult = {
  date: string;
  node: string;
  cores: number;
  memoryLimitMb: number;
  runs: ImportRun[];
};

/** The import section of results/README.md, from import-postgres.json when it exists. */
export async function importSection(dir: string): Promise<string[]> {
  let result: ImportResult;
  try {
    result = JSON.parse(
      await readFile(path.join(dir, 'import-postgres.json'), 'utf8'),
    ) as ImportResult;
  } catch {
    return [];
  }
  const n = (x: number) => x.toLocaleString('en');
  return [
    '',
    '## Import (PostgreSQL)',
    '',
    '`pipewright import deals FILE` in a child process (both passes: check, then batches of 2,000',
    'rows), against a COPY of the same rows into the same tables (`import-postgres.json` has the',
    "method). Peak memory is the child process's maxRSS; the aim is under",
    `${result.memoryLimitMb} MB for any size. The machine is a shared 2-core one: the load averages`,
    'say how shared.',
    '',
    '| rows | CSV (MB) | importer (s) | rows/s | COPY (s) | COPY rows/s | ratio | peak memory (MB) | under limit | load before / after |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...result.runs.map(
      (r) =>
        `| ${n(r.rows)} | ${(r.csvBytes / 1e6).toFixed(1)} | ${r.importer.seconds} | ${n(r.importer.rowsPerSec)} | ${r.copy.seconds} | ${n(r.copy.rowsPerSec)} | ${r.ratio} | ${r.importer.maxRssMb} | ${r.memoryWithinLimit ? 'yes' : '**no**'} | ${r.loadAverage.before[0]} / ${r.loadAverage.after[0]} |`,
    ),
    '',
    `- \`import-postgres.json\`: ${result.date}, Node ${result.node}, ${result.cores} cores`,
  ];
}
