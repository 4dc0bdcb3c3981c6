import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { DumpChunk } from './table-dump.js';

// The file: gzip'd lines. Control lines start with "@" and hold JSON; every other line is one
// row as PostgreSQL's row_to_json wrote it. A trailer line proves the file is complete.
export const BACKUP_FORMAT = 'pipewright-backup';
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: string;
  migrations: string[];
  /** Rows counted just before the dump: for a progress bar, not a check. */
  rows: number;
};

export class BackupFileError extends Error {}

/** Writes chunks to a gzip'd file, waiting for the disk when the buffer is full. */
export function backupWriter(path: string, header: BackupHeader) {
  const gzip = createGzip({ level: 6 });
  const file = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve).on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(file);
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  let tables = 0;
  return {
    started: write(`@${JSON.stringify(header)}\n`),
    async push(chunk: DumpChunk) {
      if (chunk.type === 'rows') await write(chunk.rows.join('\n') + '\n');
      else await write(`@${JSON.stringify(chunk)}\n`);
      if (chunk.type === 'end') tables++;
    },
    async finish() {
      await write(`@${JSON.stringify({ type: 'complete', tables })}\n`);
      gzip.end();
      await done;
    },
  };
}

/** Reads a backup back as its header and chunks of at most batchSize rows. */
export async function openBackup(path: string, batchSize = 1000) {
  const lines = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Infinity,
  })[Symbol.asyncIterator]();
  const first = await lines.next().catch((err: Error) => {
    throw new BackupFileError(`${path} is not a Pipewright backup (${err.message})`);
  });
  const header = parseControl(first.done ? '' : first.value) as BackupHeader | null;
  if (!header || header.format !== BACKUP_FORMAT)
    throw new BackupFileError(`${path} is not a Pipewright backup`);
  if (header.version !== BACKUP_VERSION)
    throw new BackupFileError(
      `${path} is a backup of format version ${header.version}; this Pipewright reads ${BACKUP_VERSION}`,
    );

  async function* chunks(): AsyncGenerator<DumpChunk> {
    let table = '';
    let rows: string[] = [];
    let complete = false;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (!line.startsWith('@')) {
        rows.push(line);
        if (rows.length >= batchSize) {
          yield { type: 'rows', table, rows };
          rows = [];
        }
        continue;
      }
      if (rows.length) yield { type: 'rows', table, rows };
      rows = [];
      const control = parseControl(line) as DumpChunk | { type: 'complete' } | null;
      if (!control) throw new BackupFileError(`${path}: a damaged line: ${line.slice(0, 80)}`);
      if (control.type === 'complete') complete = true;
      else {
        if (control.type === 'table') table = control.table;
        yield control;
      }
    }
    if (!complete)
      throw new BackupFileError(`${path} ends before its last table (a truncated file?)`);
  }
  return { header, chunks };
}

function parseControl(line: string): unknown {
  if (!line.startsWith('@')) return null;
  try {
    return JSON.parse(line.slice(1)) as unknown;
  } catch {
    return null;
  }
}
