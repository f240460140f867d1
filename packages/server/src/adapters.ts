/**
 * An `ErrorResponse` (or a `ContractError`) sent through each kind of server. The frameworks are
 * never imported: what the kit needs of a `ServerResponse` or a Fastify `reply` is typed here by shape.
 */
import { type ContractError, responseOf } from "./contract-error.js";
import type { ErrorResponse } from "./response.js";

type Sendable = ContractError | ErrorResponse;

/** Every header of a response, the media type as `content-type`. */
export function headersOf(error: Sendable): Record<string, string> {
  const response = responseOf(error);
  return { "content-type": response.mediaType, ...response.headers };
}

/** A WHATWG `Response`: Hono, Workers, Bun, Deno, Next.js route handlers. */
export function toResponse(error: Sendable): Response {
  const response = responseOf(error);
  return new Response(JSON.stringify(response.body), { status: response.status, headers: headersOf(response) });
}

/** What the kit uses of Node's `ServerResponse` (and so of Express's `res`). */
export interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(chunk: string): unknown;
}

/** Sends through a `node:http` `ServerResponse` or an Express `res`. */
export function sendNode(res: NodeResponse, error: Sendable): void {
  const response = responseOf(error);
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(headersOf(response))) res.setHeader(name, value);
  res.end(JSON.stringify(response.body));
}

/** What the kit uses of Fastify's `reply`. */
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  send(payload: Uint8Array): unknown;
}

const encoder = new TextEncoder();

/**
 * Sends through a Fastify `reply`. The body goes as bytes: Fastify's response schemas do not touch
 * it, and it adds no `charset` to the media type, as it would to a string.
 */
export function sendFastify(reply: FastifyReplyLike, error: Sendable): unknown {
  const response = responseOf(error);
  return reply
    .code(response.status)
    .headers(headersOf(response))
    .send(encoder.encode(JSON.stringify(response.body)));
}
