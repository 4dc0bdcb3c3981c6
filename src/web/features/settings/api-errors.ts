import { ApiError } from '../../lib/api-client';

// Reading the API's errors: which field they name, whether they are a stale version or a conflict.

export const isStale = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'version_conflict';

/** The API's message when it names this field, for the form to show beside it. */
export const fieldError = (error: unknown, field: string): string | undefined =>
  error instanceof ApiError && error.field === field ? error.message : undefined;

/** True when the error names one of the form's fields (then it is shown there, not in a toast). */
export const namesField = (error: unknown, fields: readonly string[]): boolean =>
  error instanceof ApiError && error.field !== undefined && fields.includes(error.field);

/** How many deals block a delete (409 with details.dealCount), else null. */
export const dealCountOf = (error: unknown): number | null =>
  error instanceof ApiError && error.status === 409 && typeof error.details?.dealCount === 'number'
    ? error.details.dealCount
    : null;
