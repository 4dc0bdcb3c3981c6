import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { importReport } from '../../../../contracts/imports';
import { api } from '../../../lib/api-client';
import type { ImportEntity, ImportFile } from './preview-import';

export type ImportReport = z.infer<typeof importReport>;

/** A dry run or a real one; a real one changes every list, so all queries are refetched. */
export const useRunImport = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ entity, ...file }: ImportFile & { entity: ImportEntity; dryRun: boolean }) =>
      api<ImportReport>(`/imports/${entity}`, { method: 'POST', body: file }),
    onSuccess: (_report, input) => {
      if (!input.dryRun) void client.invalidateQueries();
    },
  });
};
