import { ApiError } from '../../../lib/api-client';

/** The API's message for one input when the error names it, without the "field: " prefix. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.field !== field) return undefined;
  const prefix = `${field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
