import type { z } from 'zod';

/** An error the client caused or must handle, answered as `{ message, code, details? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toJSON() {
    return {
      message: this.message,
      code: this.code,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, 'bad_request', message, details);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const invalid = (message: string, details?: unknown) => new ApiError(422, 'invalid', message, details);
export const conflict = (message: string, details?: unknown) =>
  new ApiError(409, 'conflict', message, details);

/** A zod failure as a 422 whose details name each field at fault. */
export function invalidBody(error: z.ZodError): ApiError {
  const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = details[0];
  return invalid(first.path ? `${first.path}: ${first.message}` : first.message, details);
}

type ConstraintKind = 'foreignKey' | 'unique' | 'notNull' | 'check';

/** Which integrity constraint a database error reports, for SQLite and PostgreSQL alike. */
export function constraintViolation(error: unknown): ConstraintKind | null {
  const code = (error as { code?: unknown })?.code;
  switch (code) {
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
    case '23503':
      return 'foreignKey';
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
    case '23505':
      return 'unique';
    case 'SQLITE_CONSTRAINT_NOTNULL':
    case '23502':
      return 'notNull';
    case 'SQLITE_CONSTRAINT_CHECK':
    case '23514':
      return 'check';
    default:
      return null;
  }
}

/**
 * A PostgreSQL data exception (SQLSTATE class 22): a value its column type cannot hold, such as an
 * integer beyond 32 bits or a NUL character in text. Only client values cause these; SQLite stores
 * such values as they are.
 */
export function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}
