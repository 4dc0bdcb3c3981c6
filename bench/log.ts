import { performance } from 'node:perf_hooks';

/** Progress goes to stderr so stdout stays clean. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Runs a step and logs how long it took; returns its value and the seconds (one decimal). */
export async function timed<T>(
  label: string,
  step: () => Promise<T>,
): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await step();
  const seconds = (performance.now() - start) / 1000;
  log(`${label}: ${seconds.toFixed(1)} s`);
  return { value, seconds: Math.round(seconds * 10) / 10 };
}
