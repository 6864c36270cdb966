/**
 * Errors the domain throws. Each has a stable code; one HTTP filter maps them to status
 * codes and the response shape `{ statusCode, code, message, details }`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing does not exist, or exists in another tenant (which must look the same). */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(what: string, id: string) {
    super(`${what} ${id} was not found`, { what, id });
  }
}

/** A stale version or a lost race: reload and try again. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** The event is not allowed from the entity's current state. */
export class InvalidTransitionError extends DomainError {
  readonly code = 'INVALID_TRANSITION';
  constructor(workflow: string, event: string, state: string, readonly allowedEvents: string[]) {
    super(`${event} is not allowed when the ${workflow} is ${state}`, { workflow, event, state, allowedEvents });
  }
}

/** The event is allowed from this state, but a business rule stops it now. */
export class GuardFailedError extends DomainError {
  readonly code = 'GUARD_FAILED';
  constructor(workflow: string, event: string, readonly reason: string) {
    super(reason, { workflow, event });
  }
}

/** The actor is authenticated but its role may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** Input that passed shape validation but breaks a rule (e.g. end before start). */
export class InvalidInputError extends DomainError {
  readonly code = 'INVALID_INPUT';
}
