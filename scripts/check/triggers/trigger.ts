import type { Json } from "../../../src/openapi/index.js";
import type { Contract } from "../contract.js";
import type { TriggerInfo } from "../model.js";
import type { OperationPlan } from "../plan.js";
import type { Random } from "../random.js";
import type { RequestParts } from "../request.js";
import type { Schemas } from "../schemas.js";

/** What a kind of trigger reads to make its requests for one operation. */
export interface TriggerContext {
  doc: Json;
  contract: Contract;
  schemas: Schemas;
  plan: OperationPlan;
  random: Random;
  /** `--token-low`: a token without the rights the operation needs. */
  tokenLow?: string;
  /** Whether the operation documents a status (exactly, not by a range or `default`). */
  documents(status: number): boolean;
}

/** One request a trigger sends, and what it is meant to provoke. */
export interface Trigger {
  info: TriggerInfo;
  parts: RequestParts;
  /** It could change data if the server wrongly accepted it: sent only with `--allow-writes`. */
  write: boolean;
  /** It means something only with a valid token (sent only with `--token` where the operation needs one). */
  needsToken: boolean;
}

/** A kind of trigger: one file of this folder. */
export interface TriggerKind {
  kind: string;
  make(context: TriggerContext): Trigger[];
}

/** Whether a method changes data. */
export const unsafe = (method: string) => !["get", "head", "options"].includes(method.toLowerCase());

/** The plan's base request with some parts changed (headers merged; `null` removes one). */
export function derive(
  plan: OperationPlan,
  change: Partial<Omit<RequestParts, "headers">> & { headers?: Record<string, string | null> },
): RequestParts {
  const headers: Record<string, string> = { ...plan.base.headers };
  for (const [name, value] of Object.entries(change.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const parts: RequestParts = {
    ...plan.base,
    path: { ...plan.base.path },
    query: { ...plan.base.query },
    ...change,
    headers,
  };
  if ("body" in change && change.body === undefined) delete parts.body;
  return parts;
}
