/**
 * Progress for long CLI work: a redrawn bar on a terminal, a plain line every 10% otherwise
 * (so logs and CI output stay readable).
 */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastDecile = -1;
  const started = Date.now();
  return (done: number, total: number) => {
    const fraction = total > 0 ? Math.min(done / total, 1) : 1;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      stream.write(`\r${label} ${bar} ${done}/${total} (${Math.round(fraction * 100)}%)`);
      if (done >= total) stream.write(`  ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      stream.write(`${label}: ${done}/${total} (${decile * 10}%)\n`);
    }
  };
}
