/**
 * A request to a reference server, as data: each server's `triggers.ts` lists the requests that
 * reach its documented errors (and one success per operation), for people and for test/reference-servers.test.ts.
 */
export interface Trigger {
  /** What the request does, for people. */
  why: string;
  operation: string;
  params?: {
    path?: Record<string, string>;
    query?: Record<string, string | number>;
    header?: Record<string, string>;
  };
  /** A JSON body. */
  body?: unknown;
  /** A body that is not JSON, sent as is. */
  text?: string;
  headers?: Record<string, string>;
  /** The token to send: the full one (default), the low-rights one, none, or this text. */
  token?: "full" | "low" | "none" | { other: string };
  /** Send it again until the first error, at most this many times (the rate limit). */
  repeat?: number;
}
