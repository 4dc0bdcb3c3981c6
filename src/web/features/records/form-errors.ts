import { ApiError } from '../../lib/api-client';

/** The API's message for one input, if the error names it ("contactIds.1" belongs to contactIds). */
export function errorFor(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  if (error.field !== field && !error.field.startsWith(`${field}.`)) return undefined;
  const prefix = `${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/** Errors that name none of the form's inputs go to a toast instead. */
export const isFieldError = (error: unknown, fields: string[]) =>
  fields.some((f) => errorFor(error, f) !== undefined);
