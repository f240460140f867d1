import type { ErrorResponse } from "./response.js";

/**
 * A documented error, thrown: `throw new ContractError(kit.create(30011))` anywhere (a handler, a
 * middleware, a validation hook), and the kit's error handler for the framework sends `response`.
 */
export class ContractError<Body = unknown> extends Error {
  override readonly name = "ContractError";
  readonly response: ErrorResponse<Body>;
  constructor(response: ErrorResponse<Body>, options?: { cause?: unknown }) {
    super(`HTTP ${response.status}`, options);
    this.response = response;
  }

  get status(): number {
    return this.response.status;
  }
}

/** The response of a `ContractError`, or an `ErrorResponse` itself. */
export const responseOf = <Body>(error: ContractError<Body> | ErrorResponse<Body>): ErrorResponse<Body> =>
  error instanceof ContractError ? error.response : error;
