import {
  errorCodeOf,
  followRef,
  isJsonMediaType,
  isObject,
  type Json,
  type Operation,
  type Parameter,
  objectAt,
  parametersOf,
} from "../../src/openapi/index.js";
import { authHeaders } from "./auth.js";
import type { RequestParts } from "./request.js";
import type { Random } from "./random.js";
import type { Schemas } from "./schemas.js";
import { asText, validValue } from "./values.js";

/** An operation's JSON request body. */
export interface RequestBody {
  mediaType: string;
  schema: unknown;
  required: boolean;
  errorCode?: string;
}

/** The JSON request body of an operation, if it takes one. */
export function requestBodyOf(doc: Json, op: Operation): RequestBody | undefined {
  const body = followRef(doc, op.operation.requestBody).node;
  if (!isObject(body)) return undefined;
  const [mediaType, media] = Object.entries(objectAt(body, "content")).find(([type]) => isJsonMediaType(type)) ?? [];
  if (!mediaType || !isObject(media)) return undefined;
  const found: RequestBody = { mediaType, schema: media.schema, required: body.required === true };
  const errorCode = errorCodeOf(doc, body);
  if (errorCode !== undefined) found.errorCode = errorCode;
  return found;
}

/** What the checker knows of an operation before it provokes it: a request the contract admits, as far as it can tell. */
export interface OperationPlan {
  op: Operation;
  parameters: Parameter[];
  body?: RequestBody;
  /** A request with a valid value for every required parameter, the token, and a valid body when one could be made. */
  base: RequestParts;
  bodyValue?: unknown;
  /** Whether the base body matches its schema (a `pattern` may defeat the generator). */
  bodyValid: boolean;
  /** Whether every path value is a real one (given with `--param` or read from a list). */
  realIds: boolean;
  /** The ETag read from the resource, sent in a required `If-Match`. */
  etag?: string;
}

/**
 * The plan of an operation: path values from `ids` (real ones) or generated, required query and
 * header values generated (If-Match: the ETag read, if any), the token, a minimal valid body.
 */
export function planOf(
  doc: Json,
  schemas: Schemas,
  op: Operation,
  random: Random,
  known: { ids: Record<string, string>; token?: string; etag?: string },
): OperationPlan {
  const parameters = parametersOf(doc, op);
  const base: RequestParts = { method: op.method, route: op.route, path: {}, query: {}, headers: {} };
  let realIds = true;
  for (const p of parameters) {
    if (p.in === "path") {
      const id = known.ids[p.name];
      if (id === undefined) realIds = false;
      base.path[p.name] = id ?? asText(validValue(doc, p.schema, random));
    } else if (p.required && p.in === "query") base.query[p.name] = asText(validValue(doc, p.schema, random));
    else if (p.required && p.in === "header") {
      const ifMatch = p.name.toLowerCase() === "if-match";
      base.headers[p.name.toLowerCase()] = ifMatch ? (known.etag ?? "*") : asText(validValue(doc, p.schema, random));
    }
  }
  Object.assign(base.headers, authHeaders(doc, op, known.token));
  const body = requestBodyOf(doc, op);
  const plan: OperationPlan = { op, parameters, base, bodyValid: false, realIds };
  if (known.etag !== undefined) plan.etag = known.etag;
  if (body) {
    plan.body = body;
    plan.bodyValue = validValue(doc, body.schema, random);
    plan.bodyValid = schemas.valid(followRef(doc, body.schema).node, plan.bodyValue);
    base.headers["content-type"] = body.mediaType;
    base.body = JSON.stringify(plan.bodyValue);
  }
  return plan;
}
