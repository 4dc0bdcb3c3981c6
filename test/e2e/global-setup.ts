import { ensureWebBuild } from '../../src/server/web-build.js';
import { hasChromium } from './harness.js';

// Browser tests need Debian's Chromium; without it they are skipped, and say so loudly.
export default async function setup() {
  if (!hasChromium) {
    process.stderr.write(
      '\n*** Browser tests SKIPPED: /usr/bin/chromium is not installed (apt-get install -y chromium). ***\n\n',
    );
    return;
  }
  await ensureWebBuild((line) => process.stderr.write(`${line}\n`));
}
