import { QueryFailedError } from 'typeorm';

interface PostgresErrorFields {
  code?: string;
  constraint?: string;
}

/** Whether a query failed on the named unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const fields = (error instanceof QueryFailedError ? error.driverError : error) as PostgresErrorFields | undefined;
  return fields?.code === '23505' && fields.constraint === constraint;
}

/** Whether a query failed on the named foreign key (the referenced row does not exist). */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  const fields = (error instanceof QueryFailedError ? error.driverError : error) as PostgresErrorFields | undefined;
  return fields?.code === '23503' && fields.constraint === constraint;
}

/**
 * A failed query's error carries its parameters and PostgreSQL's detail ("Failing row
 * contains (...)"), which can hold e-mail addresses and hashes; the error logged in
 * their place keeps only the SQLSTATE and the constraint.
 */
export function withoutPersonalData(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const { code, constraint } = error.driverError as PostgresErrorFields;
  return new Error(`query failed: SQLSTATE ${code ?? 'unknown'}${constraint ? ` on ${constraint}` : ''}`);
}
