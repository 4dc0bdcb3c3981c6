import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'pipewright.lock';

export class DataDirInUseError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is a single-process database: two processes on one data folder would corrupt it. The
 * first process takes a lock file holding its pid; a second one is refused with a clear message.
 * A lock left by a process that died (SIGKILL, power loss) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  let holder: number | undefined;
  try {
    holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && alive(holder)) {
    throw new DataDirInUseError(
      `The data folder ${dataDir} is in use by process ${holder} (a running "pipewright serve"?). ` +
        'Stop it first, or use the HTTP API while it runs.',
    );
  }
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}
