import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { root } from '../helpers/processes.js';

const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core in the page and returns its serious and critical violations, briefly. */
export async function seriousViolations(p: Page): Promise<string[]> {
  await p.addScriptTag({ content: axeSource });
  // A string, so that the test compiles without DOM types; it runs in the page.
  const results = (await p.evaluate('axe.run(document).then((r) => r.violations)')) as Array<{
    id: string;
    impact: string;
    nodes: Array<{ target: string[] }>;
  }>;
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
