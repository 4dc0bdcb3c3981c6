import { sql, type RawBuilder } from 'kysely';
import { invalid } from '../../../domain/errors.js';

/** Opaque keyset cursor: the last row's sort value and id. */
export type CursorKey = { v: string | number | null; id: string };

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.v, key.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number' || parsed[0] === null) &&
      typeof parsed[1] === 'string'
    ) {
      return { v: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor', 'cursor is not one this server issued');
}

/** Splits a limit+1 fetch into the page and the cursor of its last row. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey) {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

export type SortKey = { expr: RawBuilder<unknown>; cast: string };

/** Keyset condition: rows strictly after the cursor in (sort value, id) order. */
export function afterKey(sort: SortKey, order: 'asc' | 'desc', key: CursorKey, idColumn: string) {
  const op = sql.raw(order === 'asc' ? '>' : '<');
  return sql<boolean>`(${sort.expr}, ${sql.ref(idColumn)}) ${op} (cast(${key.v} as ${sql.raw(sort.cast)}), cast(${key.id} as uuid))`;
}
