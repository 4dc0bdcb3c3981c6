import { describeProblem } from '../server/modules/imports/row-check.js';
import type { ImportReport } from '../server/modules/imports/import-runner.js';
import type { MavenReport } from '../server/modules/imports/maven-preset.js';

const SHOWN = 50;

/** Prints the outcome of one file; returns the exit code (1 when any row has a problem). */
export function printReport(
  what: string,
  r: ImportReport,
  dryRun: boolean,
  out = process.stdout,
): number {
  if (r.problemCount > 0) {
    const err = process.stderr;
    err.write(
      `${what}: ${r.problemCount} problem${r.problemCount === 1 ? '' : 's'} in ${r.rows} rows; nothing was written${r.batchIds.length ? ' after the last committed batch' : ''}:\n`,
    );
    for (const p of r.problems.slice(0, SHOWN)) err.write(`  ${describeProblem(p)}\n`);
    if (r.problemCount > SHOWN) err.write(`  ... and ${r.problemCount - SHOWN} more\n`);
    return 1;
  }
  const stages = r.newStages.length
    ? `; ${dryRun ? 'would add' : 'added'} stages ${r.newStages.map((s) => `"${s}"`).join(', ')}`
    : '';
  out.write(
    dryRun
      ? `${what}: ${r.rows} rows checked, no problems; ${r.created} would be imported, ${r.alreadyImported} were imported before${stages}\n`
      : `${what}: ${r.created} imported, ${r.alreadyImported} already imported before, in ${r.batchIds.length} batches${stages}\n`,
  );
  return 0;
}

export function printMavenReport(r: MavenReport, dryRun: boolean): number {
  process.stdout.write(
    dryRun
      ? `people: ${r.people} in sales_teams.csv\n`
      : `people: ${r.usersCreated} users created (${r.people} in sales_teams.csv)\n`,
  );
  const companies = printReport('companies (accounts.csv)', r.companies, dryRun);
  if (companies !== 0) return companies;
  return printReport('deals (sales_pipeline.csv)', r.deals, dryRun);
}
