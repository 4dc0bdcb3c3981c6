import { useState } from 'react';
import { ApiError } from '../../lib/api-client';

export const isConflict = (err: unknown) =>
  err instanceof ApiError && err.status === 409 && err.code === 'version_conflict';

/**
 * Watches a record's saves for a stale version ("someone else changed it"), so the page can
 * offer to reload. The editors keep what the user typed; the failed save still throws to them.
 */
export function useConflictWatch() {
  const [conflict, setConflict] = useState(false);
  const watch = async <R>(work: Promise<R>): Promise<R> => {
    try {
      return await work;
    } catch (err) {
      if (isConflict(err)) setConflict(true);
      throw err;
    }
  };
  return { conflict, watch, clear: () => setConflict(false) };
}
