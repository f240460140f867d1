import { deepFreeze, omitAt, setAt } from "./body.js";
import type { ErrorArgs, ErrorResponse, Kit } from "./response.js";
import { compileRequestChecks } from "./request.js";
import { formatRetryAfter } from "./retry-after.js";
import type { ErrorRef, KitTypes, ServerSpec, StatusSpec } from "./spec.js";
import { compileChecks } from "./validate.js";

export interface KitOptions {
  /**
   * Validate every response the kit makes against its status's schema and headers (Ajv, compiled
   * once here; `ajv` must be installed). For development and tests; off by default.
   */
  validate?: boolean;
}

/** `Internal Server Error` → `internalServerError`: the code of a code-less status whose schema requires one. */
const reasonCode = (reason: string) =>
  reason
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word, i) => (i === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase()))
    .join("");

/**
 * The kit of one API, from its generated `ServerSpec`: `create(code, args)` for a catalogued code,
 * `forStatus(status, args)` for a documented status without one. Both write the caller's message,
 * target and details where the shape keeps them (an example's own target and details are left out), the correlation id in the shape's header or member
 * (the caller's, else a new UUID) and `Retry-After` where the status needs it.
 */
export function createKit<T extends KitTypes>(spec: ServerSpec, options: KitOptions = {}): Kit<T> {
  const { shape } = spec;
  const check = options.validate ? compileChecks(spec) : undefined;
  for (const entry of [...Object.values(spec.codes), ...Object.values(spec.statuses)]) deepFreeze(entry.body);

  function make(status: number, statusSpec: StatusSpec, template: unknown, args: ErrorArgs = {}): ErrorResponse {
    let body = template;
    if (args.message) body = setAt(body, shape.message[0] ?? [], args.message);
    // An example's target and details illustrate the code: only the caller's describe this error.
    if (shape.target)
      body = args.target === undefined ? omitAt(body, shape.target) : setAt(body, shape.target, args.target);
    if (shape.details)
      body = args.details === undefined ? omitAt(body, shape.details) : setAt(body, shape.details, args.details);
    const headers: Record<string, string> = {};
    if (shape.correlationHeader || shape.correlationId) {
      const id = args.correlationId ?? crypto.randomUUID();
      if (shape.correlationHeader) headers[shape.correlationHeader] = id;
      if (shape.correlationId) body = setAt(body, shape.correlationId, id);
    }
    if (args.retryAfter !== undefined) headers["retry-after"] = formatRetryAfter(args.retryAfter);
    else if (statusSpec.retryAfter) throw new TypeError(`${spec.api}: a ${status} needs retryAfter (Retry-After)`);
    for (const [name, value] of Object.entries(args.headers ?? {})) headers[name.toLowerCase()] = value;
    const response = { status, headers, body, mediaType: statusSpec.mediaType };
    check?.(response);
    return response;
  }

  function create(code: string | number, args?: ErrorArgs): ErrorResponse {
    const entry = Object.hasOwn(spec.codes, String(code)) ? spec.codes[String(code)] : undefined;
    const wire = shape.codeType === "number" ? typeof code === "number" : typeof code === "string";
    if (!entry || !wire) throw new TypeError(`${spec.api}: ${JSON.stringify(code)} is no code of the catalog`);
    return make(entry.status, spec.statuses[entry.status]!, entry.body, args);
  }

  function forStatus(status: number, args: ErrorArgs & { code?: string | number } = {}): ErrorResponse {
    const statusSpec = spec.statuses[status];
    if (!statusSpec?.body) {
      const why = statusSpec ? "has catalogued codes: use create(code)" : "is not documented";
      throw new TypeError(`${spec.api}: status ${status} ${why}`);
    }
    const code = args.code ?? (statusSpec.codeRequired ? reasonCode(statusSpec.reason) : undefined);
    const body = code === undefined ? statusSpec.body : setAt(statusSpec.body, shape.code, code);
    return make(status, statusSpec, body, args);
  }

  // A code in a `ServerSpec` is its text: the wire type comes from the shape.
  const codeOf = (text: string) => (shape.codeType === "number" ? Number(text) : text);
  const respond = (ref: ErrorRef, args?: ErrorArgs & { code?: string | number }) =>
    "code" in ref ? create(codeOf(ref.code), args) : forStatus(ref.status, args);

  // Lazy itself: Ajv loads on the first request, each operation compiles on its own first request.
  const checkRequest: Kit<KitTypes>["checkRequest"] = compileRequestChecks(spec, respond);
  const kit: Kit<KitTypes> = {
    spec,
    create: create as Kit<KitTypes>["create"],
    forStatus: forStatus as Kit<KitTypes>["forStatus"],
    internal: (args) => respond(spec.internal, args),
    malformedBody: (args) => respond(spec.malformedBody ?? spec.internal, args),
    respond,
    operation: () => kit,
    checkRequest,
  };
  return kit as unknown as Kit<T>;
}
