// One set of type parsers for both engines, so a query returns the same JS values on PGlite and
// PostgreSQL: int8 as number (guarded), numeric as an exact string, date as 'YYYY-MM-DD',
// timestamps as Date.
export const PG_OID = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
} as const;

export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`int8 value ${value} is beyond the safe integer range`);
  }
  return n;
}

const identity = (value: string): string => value;
// PostgreSQL prints timestamptz as "2024-01-02 03:04:05.678+00" (offset without minutes), which
// Date.parse rejects; rewrite it to ISO 8601. Timestamp without zone is UTC by convention.
const TIMESTAMPTZ = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d)(?::(\d\d))?$/;
export function parseTimestamptz(value: string): Date {
  const m = TIMESTAMPTZ.exec(value);
  if (!m) return new Date(value);
  return new Date(`${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`);
}
const parseTimestamp = (value: string): Date => new Date(`${value.replace(' ', 'T')}Z`);

export const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_OID.INT8]: parseInt8,
  [PG_OID.NUMERIC]: identity,
  [PG_OID.DATE]: identity,
  [PG_OID.TIMESTAMP]: parseTimestamp,
  [PG_OID.TIMESTAMPTZ]: parseTimestamptz,
};
