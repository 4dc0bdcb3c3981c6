// Domain errors: services throw these, the HTTP layer maps each kind to a status code.
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  | 'duplicate'
  | 'precondition_failed'
  | 'unprocessable'
  | 'stage_requirements'
  | 'rate_limited';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', message, field);

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);

export const forbidden = (message = 'You do not have permission to do this') =>
  new DomainError('forbidden', message);

export const conflict = (message: string, field?: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', message, field, details);

export const versionConflict = (what: string, current: number) =>
  new DomainError(
    'version_conflict',
    `${what} was changed by someone else (now at version ${current}); reload and try again`,
    'version',
    { currentVersion: current },
  );

export const unprocessable = (message: string, field?: string) =>
  new DomainError('unprocessable', message, field);
