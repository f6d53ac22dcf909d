/** The thing does not exist, or the actor may not know it exists (other tenants' ids): HTTP 404. */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'Not found') {
    super(message);
  }
}

/** The actor can see the thing but its role does not allow the change: HTTP 403. */
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = 'Your role does not allow this') {
    super(message);
  }
}

/** No signed-in user or API key: HTTP 401. */
export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor(message = 'Sign in first') {
    super(message);
  }
}

/** Input that passed the schema but breaks a rule (duplicate name, last owner, …): HTTP 400/409. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409 = 400,
    readonly field?: string,
  ) {
    super(message);
  }
}
