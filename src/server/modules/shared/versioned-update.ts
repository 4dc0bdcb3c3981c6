import { conflict, notFound, versionConflict } from '../../../domain/errors.js';

/**
 * Interprets the result of `update ... where id = ? and version = ?`: no row means either the
 * record is gone (404) or someone else changed it first (409 with the current version).
 */
export async function checkVersionedUpdate<T>(
  updated: T | undefined,
  what: string,
  currentVersion: () => Promise<number | undefined>,
): Promise<T> {
  if (updated) return updated;
  const current = await currentVersion();
  if (current === undefined) throw notFound(what);
  throw versionConflict(what, current);
}

export const duplicateOf = (what: string, field: string) =>
  conflict(`${what} with this ${field} already exists`, field);
