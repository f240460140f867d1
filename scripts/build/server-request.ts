import type { ErrorRef, ParameterSpec, RequestBodySpec, RequestSpec } from "@error-contracts/server";
import type { Json } from "../../src/openapi/index.js";
import { entriesOf, errorCodeOf, followRef, isObject, type Operation, parametersOf } from "../../src/openapi/index.js";

/** The operation's parameters as the `ServerSpec` keeps them (the model's `parametersOf`). */
function parameterSpecs(doc: Json, op: Operation): ParameterSpec[] {
  return parametersOf(doc, op).map(({ errorCode, schema, ...parameter }) => ({
    ...parameter,
    ...(schema !== undefined ? { schema } : {}),
    ...(errorCode !== undefined ? { code: errorCode } : {}),
  }));
}

function bodyOf(doc: Json, op: Operation): RequestBodySpec | undefined {
  const body = followRef(doc, op.operation.requestBody).node;
  if (!isObject(body)) return undefined;
  const content: Record<string, { schema?: unknown }> = {};
  for (const [mediaType, media] of entriesOf(body.content)) {
    content[mediaType.toLowerCase()] = isObject(media) && media.schema !== undefined ? { schema: media.schema } : {};
  }
  const code = errorCodeOf(doc, body);
  return { required: body.required === true, content, ...(code !== undefined ? { code } : {}) };
}

/** The media types of the operation's 2xx responses. */
function producesOf(doc: Json, op: Operation): string[] {
  const types = new Set<string>();
  for (const [status, raw] of entriesOf(op.operation.responses)) {
    const response = followRef(doc, raw).node;
    if (!/^2/.test(status) || !isObject(response)) continue;
    for (const [mediaType] of entriesOf(response.content)) types.add(mediaType.toLowerCase());
  }
  return [...types];
}

/**
 * What one operation accepts: its method and path template, parameters and body, with their
 * `x-error-code`s, and the media types of its successes (what `Accept` must admit).
 */
export function readRequest(doc: Json, op: Operation): RequestSpec {
  const body = bodyOf(doc, op);
  return {
    method: op.method.toUpperCase(),
    path: op.route,
    parameters: parameterSpecs(doc, op),
    ...(body ? { body } : {}),
    produces: producesOf(doc, op),
  };
}

/**
 * The answer to a breach that names no code: the one top-level catalogued code with status 400,
 * else the status 400 when the API documents it without codes.
 */
export function invalidRequestOf(
  codes: { kind: string; code: string | number; status: number }[],
  codeless400: boolean,
): ErrorRef | undefined {
  const top = codes.filter((e) => e.kind === "code" && e.status === 400);
  if (top.length === 1) return { code: String(top[0]!.code) };
  return codeless400 ? { status: 400 } : undefined;
}
