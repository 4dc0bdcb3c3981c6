/**
 * Progress of an import: a redrawn line with a bar on a terminal (at most ten redraws a second),
 * a plain line at every tenth of the file otherwise, so logs stay readable.
 */
export function importProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr) {
  let label = '';
  let rows = 0;
  let bytes = 0;
  let lastDraw = 0;
  let lastDecile = -1;
  const draw = (force = false) => {
    const fraction = totalBytes > 0 ? Math.min(bytes / totalBytes, 1) : 1;
    const percent = Math.round(fraction * 100);
    if (stream.isTTY) {
      if (!force && Date.now() - lastDraw < 100) return;
      lastDraw = Date.now();
      const filled = Math.round(fraction * 30);
      stream.write(
        `\r${label} ${'█'.repeat(filled)}${'░'.repeat(30 - filled)} ${percent}%  ${rows} rows `,
      );
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== lastDecile || force) {
      lastDecile = decile;
      stream.write(`${label}: ${percent}% of the file, ${rows} rows\n`);
    }
  };
  return {
    /** A new pass over the file (checking, then importing). */
    phase(next: string) {
      if (label && stream.isTTY) draw(true);
      if (label && stream.isTTY) stream.write('\n');
      label = next;
      rows = 0;
      bytes = 0;
      lastDecile = -1;
    },
    rows(n: number) {
      rows = n;
      draw();
    },
    bytes(n: number) {
      bytes = n;
      draw();
    },
    finish() {
      if (!label) return;
      bytes = totalBytes;
      draw(true);
      if (stream.isTTY) stream.write('\n');
      label = '';
    },
  };
}
