import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  importEntity,
  importPresetChoice,
  importPreview,
} from '../../../../contracts/imports';
import { api } from '../../../lib/api-client';

export type ImportEntity = z.infer<typeof importEntity>;
export type ImportPreview = z.infer<typeof importPreview>;
export type ImportPresetChoice = z.infer<typeof importPresetChoice>;
export type ImportFile = {
  fileName: string;
  csv: string;
  map: Record<string, string>;
  preset: ImportPresetChoice;
};

export const usePreviewImport = () =>
  useMutation({
    mutationFn: ({ entity, ...file }: ImportFile & { entity: ImportEntity }) =>
      api<ImportPreview>(`/imports/${entity}/preview`, { method: 'POST', body: file }),
  });
