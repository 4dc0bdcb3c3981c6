import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/**
 * The shared CRM data sets live beside the project, not in it (their licence was not verified,
 * so they must not ship in the package). A checkout elsewhere finds them through
 * PIPEWRIGHT_DATASETS or the workplace's /work/shared; without them the tests that need them
 * are skipped, and say so.
 */
export function datasetDir(name: string): string | null {
  const candidates = [
    process.env.PIPEWRIGHT_DATASETS && join(process.env.PIPEWRIGHT_DATASETS, name),
    join(root, '..', 'shared', 'datasets', name),
    join('/work', 'shared', 'datasets', name),
  ].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(join(p, 'SOURCE.md'))) ?? null;
}

const maven = datasetDir('maven-crm-sales-opportunities');
if (!maven) {
  process.emitWarning(
    'The Maven CRM data set was not found (set PIPEWRIGHT_DATASETS): its import tests are skipped.',
  );
}
/** The Maven CRM Sales Opportunities folder ('' when absent: the tests using it are skipped). */
export const MAVEN_DIR = maven ?? '';
export const hasMaven = maven !== null;
