/**
 * The server side of an error contract: one API's documented error responses, made from the
 * `ServerSpec` its build writes (`generated/<api>/server.ts`), thrown as `ContractError`s and sent
 * through any server. It imports no framework: each adapter types what it uses by shape.
 */
export { createKit } from "./kit.js";
export type { KitOptions } from "./kit.js";
export type { CodeArgs, ErrorArgs, ErrorResponse, ErrorsFor, Kit, OperationTypes, StatusArgs } from "./response.js";
export type {
  CodeSpec,
  ErrorRef,
  HeaderSpec,
  KitTypes,
  ParameterSpec,
  RequestBodySpec,
  RequestSpec,
  ServerShape,
  ServerSpec,
  StatusSpec,
} from "./spec.js";
export type { IncomingRequest } from "./request.js";
export type { RetryAfter } from "./retry-after.js";
export { ContractError } from "./contract-error.js";
export { toResponse, sendNode, sendFastify } from "./adapters.js";
export type { FastifyReplyLike, NodeResponse } from "./adapters.js";
export {
  expressErrorHandler,
  fastifyErrorHandler,
  honoErrorHandler,
  isMalformedBody,
  responseFor,
} from "./handlers.js";
