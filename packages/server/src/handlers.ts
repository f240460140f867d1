/**
 * An error handler per kind of server: a `ContractError` thrown anywhere leaves as its documented
 * response; a request body that is not JSON as the contract's answer to it; a framework's own
 * client error (a 413, a 415) as that status when the API documents it without a code; anything
 * else as the API's documented 500, never a stack trace. The correlation id of a response the
 * handler makes is the request's, when it sent the shape's correlation header.
 */
import { ContractError } from "./contract-error.js";
import { type FastifyReplyLike, type NodeResponse, sendFastify, sendNode, toResponse } from "./adapters.js";
import type { ErrorResponse, Kit } from "./response.js";
import type { KitTypes } from "./spec.js";

/** What the handlers use of a kit: any `Kit<T>` is one. */
export type HandlerKit = Pick<Kit<KitTypes>, "spec" | "internal" | "malformedBody" | "respond">;
type Fields = { type?: unknown; code?: unknown; status?: unknown; statusCode?: unknown; message?: unknown };

/** A request body that did not parse: JSON.parse's SyntaxError, body-parser's, Fastify's, Hono's validator's. */
export function isMalformedBody(error: unknown): boolean {
  if (error instanceof SyntaxError) return true;
  const { type, code, message, status } = (error ?? {}) as Fields;
  return (
    type === "entity.parse.failed" ||
    code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
    code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
    (status === 400 && typeof message === "string" && /^Malformed JSON/.test(message))
  );
}

/** The documented response for anything a handler catches. */
export function responseFor(kit: HandlerKit, error: unknown, correlationId?: string): ErrorResponse {
  if (error instanceof ContractError) return error.response;
  const args = correlationId ? { correlationId } : {};
  if (isMalformedBody(error)) return kit.malformedBody(args);
  const { status, statusCode } = (error ?? {}) as Fields;
  const clientStatus = [status, statusCode].find((s) => typeof s === "number" && s >= 400 && s < 500) as number;
  if (kit.spec.statuses[clientStatus]?.body !== undefined) return kit.respond({ status: clientStatus }, args);
  return kit.internal(args);
}

/** The request's correlation header, when the shape has one. */
const requestId = (kit: HandlerKit, read: (name: string) => unknown) => {
  const name = kit.spec.shape.correlationHeader;
  const value = name ? read(name) : undefined;
  return typeof value === "string" && value !== "" ? value : undefined;
};

/** Hono: `app.onError(honoErrorHandler(kit))`. */
export function honoErrorHandler(kit: HandlerKit) {
  return (error: unknown, c: { req: { header(name: string): string | undefined } }): Response =>
    toResponse(
      responseFor(
        kit,
        error,
        requestId(kit, (name) => c.req.header(name)),
      ),
    );
}

/** Express (and Connect): `app.use(expressErrorHandler(kit))`, after the routes. */
export function expressErrorHandler(kit: HandlerKit) {
  return (
    error: unknown,
    req: { headers: Record<string, unknown> },
    res: NodeResponse & { headersSent?: boolean },
    next: (error?: unknown) => void,
  ): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    sendNode(
      res,
      responseFor(
        kit,
        error,
        requestId(kit, (name) => req.headers[name]),
      ),
    );
  };
}

/** Fastify: `app.setErrorHandler(fastifyErrorHandler(kit))`. */
export function fastifyErrorHandler(kit: HandlerKit) {
  return (error: unknown, request: { headers: Record<string, unknown> }, reply: FastifyReplyLike): unknown =>
    sendFastify(
      reply,
      responseFor(
        kit,
        error,
        requestId(kit, (name) => request.headers[name]),
      ),
    );
}
