import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { importReport } from '../../../../contracts/imports';
import { ApiError } from '../../../lib/api-client';
import type { ImportEntity, ImportFile } from './preview-import';

export type ImportReport = z.infer<typeof importReport>;
export type ImportProgress = {
  phase: 'checking' | 'importing';
  rows: number;
  bytes: number;
  totalBytes: number;
};
type RunInput = ImportFile & {
  entity: ImportEntity;
  dryRun: boolean;
  onProgress: (p: ImportProgress) => void;
};
type Line =
  ({ type: 'progress' } & ImportProgress) | ({ type: 'report' } & ImportReport) | ErrorLine;
type ErrorLine = {
  type: 'error';
  code: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
};

/**
 * Runs an import through POST /imports/{entity}/run, which answers with a line per progress step
 * and the report last; problems before the start come back as a normal error response.
 */
async function runImport({ entity, onProgress, ...body }: RunInput): Promise<ImportReport> {
  const res = await fetch(`/api/v1/imports/${entity}/run`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'accept-language': document.documentElement.lang || 'en',
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!res.ok || !res.body) {
    const error = ((await res.json().catch(() => null)) as { error?: ErrorLine } | null)?.error;
    throw new ApiError(
      res.status,
      error?.code ?? 'http_error',
      error?.message ?? res.statusText,
      error?.field,
      error?.details,
    );
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += value ?? '';
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const text of lines) {
      if (!text) continue;
      const line = JSON.parse(text) as Line;
      if (line.type === 'progress') onProgress(line);
      else if (line.type === 'error')
        throw new ApiError(500, line.code, line.message, line.field, line.details);
      else return line;
    }
    if (done)
      throw new ApiError(
        500,
        'http_error',
        res.statusText || 'The import stopped without a report',
      );
  }
}

/** A dry run or a real one; a real one changes every list, so all queries are refetched. */
export const useRunImport = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: runImport,
    onSuccess: (_report, input) => {
      if (!input.dryRun) void client.invalidateQueries();
    },
  });
};
