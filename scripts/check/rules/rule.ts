import type { ErrorShape, Json } from "../../../src/openapi/index.js";
import type { Contract, DocumentedResponse } from "../contract.js";
import type { Exchange, Level } from "../model.js";
import type { Schemas } from "../schemas.js";

/** What a rule reads about one response. */
export interface RuleInput {
  contract: Contract;
  schemas: Schemas;
  exchange: Exchange;
  /** The response the operation documents for the status (exact, range or `default`). */
  documented: DocumentedResponse;
  /** The documented media type the response's `Content-Type` matches, if any. */
  media?: { mediaType: string; media: Json };
  /** The body parsed as JSON, when it is JSON. */
  json?: { value: unknown };
  /** Where the body keeps its codes. */
  shape?: ErrorShape;
}

/** One thing a rule found. */
export interface Hit {
  message: string;
  evidence: string;
  level?: Level;
  code?: string;
}

/** A rule: one file of this folder, named after its id. */
export interface Rule {
  id: string;
  level: Level;
  check(input: RuleInput): Hit[];
}

/** At most `limit` characters of a text, for evidence. */
export function excerpt(text: string, limit = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}
