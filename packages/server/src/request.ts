/**
 * `kit.checkRequest(operation, request)`: a request against what its operation accepts, as the
 * contract declares it: each parameter's schema (its text coerced to the schema's type), the body's
 * media type and schema. A breach leaves as the code the contract names for it (`x-error-code` on
 * the parameter, the property, the schema or the request body, the nearest one), else as the API's
 * `invalidRequest`. Validators are compiled by Ajv (with ajv-formats) per operation, on its first request.
 */
import { ContractError } from "./contract-error.js";
import type { ErrorArgs, ErrorResponse } from "./response.js";
import type { ErrorRef, ParameterSpec, RequestSpec, ServerSpec } from "./spec.js";
import { type Ajv, type AjvError, loadAjv, type Validate } from "./validate.js";

/** A request as any server sees it. */
export interface IncomingRequest {
  /** Path parameters by name, as the router matched them. */
  readonly params?: Readonly<Record<string, string | undefined>>;
  readonly query?: URLSearchParams;
  /** A request header by name, `undefined` or `null` when absent. */
  readonly header?: (name: string) => string | null | undefined;
  /** The body's text: `undefined` or `""` for none. */
  readonly body?: string;
}

type Respond = (ref: ErrorRef, args?: ErrorArgs) => ErrorResponse;
type Json = { [key: string]: unknown };
const object = (value: unknown): Json | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const codeIn = (schema: unknown): string | undefined => {
  const code = object(schema)?.["x-error-code"];
  return typeof code === "string" || typeof code === "number" ? String(code) : undefined;
};

/** The `x-error-code` nearest the failed keyword: on its schema, else on the deepest schema above the value. */
function nearestCode(root: unknown, error: AjvError, schemas: ServerSpec["schemas"]): string | undefined {
  const resolve = (schema: unknown): Json | undefined => {
    const ref = object(schema)?.$ref;
    const name = typeof ref === "string" ? /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1] : undefined;
    return object(name === undefined ? schema : schemas[decodeURIComponent(name)]);
  };
  let node = resolve(root);
  let code = codeIn(node);
  for (const raw of error.instancePath.split("/").slice(1)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    const child =
      object(node?.properties)?.[key] ??
      (/^\d+$/.test(key) ? node?.items : undefined) ??
      (object(node?.additionalProperties) ? node?.additionalProperties : undefined);
    node = resolve(child);
    if (!node) break;
    code = codeIn(node) ?? code;
  }
  return codeIn(error.parentSchema) ?? code;
}

const mediaTypeOf = (header: string | null | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();
const isJson = (mediaType: string) => mediaType === "application/json" || /\+json$/.test(mediaType);

interface Compiled {
  request: RequestSpec;
  parameters: { parameter: ParameterSpec; validate?: Validate }[];
  bodies: Map<string, Validate | undefined>;
  /** A documented status without a code that a wrong media type gets (415), if the operation has one. */
  unsupported?: ErrorRef;
}

/** The checker of a kit's requests. */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one closure, the validators compiled once and the check that reads them share it
export function compileRequestChecks(spec: ServerSpec, respond: Respond) {
  const feature = "kit.checkRequest";
  const strict = { strict: false, allErrors: false, verbose: true };
  let ajv: { body: Ajv; parameters: Ajv } | undefined;
  const components = { schemas: spec.schemas };
  const compiled = new Map<string, Compiled>();

  function compile(operation: string): Compiled {
    const documented = spec.operations[operation];
    if (!documented) throw new TypeError(`${spec.api}: ${JSON.stringify(operation)} is no operation of the API`);
    const request = documented.request;
    if (!request) throw new TypeError(`${spec.api}: the spec of ${operation} has no request: build it again`);
    ajv ??= {
      body: loadAjv(feature, strict, true),
      parameters: loadAjv(feature, { ...strict, coerceTypes: "array" }, true),
    };
    const { body, parameters } = ajv;
    const wrap = (schema: unknown) => ({ type: "object", properties: { value: schema }, components });
    return {
      request,
      parameters: request.parameters.map((parameter) =>
        parameter.schema === undefined
          ? { parameter }
          : { parameter, validate: parameters.compile(wrap(parameter.schema)) },
      ),
      bodies: new Map(
        Object.entries(request.body?.content ?? {}).map(([type, media]) => [
          type,
          media.schema === undefined ? undefined : body.compile({ ...(media.schema as object), components }),
        ]),
      ),
      ...(documented.statuses.includes(415) && spec.statuses["415"]?.body !== undefined
        ? { unsupported: { status: 415 } }
        : {}),
    };
  }

  return (operation: string, incoming: IncomingRequest): unknown => {
    let checks = compiled.get(operation);
    if (!checks) {
      checks = compile(operation);
      compiled.set(operation, checks);
    }
    const header = (name: string) => incoming.header?.(name) ?? undefined;
    const correlation = spec.shape.correlationHeader ? header(spec.shape.correlationHeader) : undefined;
    const fail = (code: string | undefined, target?: string, fallback = spec.invalidRequest): never => {
      const ref = code !== undefined ? { code } : fallback;
      if (!ref)
        throw new TypeError(
          `${spec.api} ${operation}: ${target ?? "the request"} breaks the contract, which names no code for it`,
        );
      throw new ContractError(
        respond(ref, { ...(target ? { target } : {}), ...(correlation ? { correlationId: correlation } : {}) }),
      );
    };

    for (const { parameter, validate } of checks.parameters) {
      const raw =
        parameter.in === "path"
          ? incoming.params?.[parameter.name]
          : parameter.in === "query"
            ? incoming.query?.getAll(parameter.name)
            : parameter.in === "header"
              ? header(parameter.name)
              : undefined;
      const missing = raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0);
      if (missing) {
        if (parameter.required) fail(parameter.code, parameter.name);
        continue;
      }
      const holder = { value: Array.isArray(raw) && raw.length === 1 ? raw[0] : raw };
      if (validate && !validate(holder)) {
        const error = validate.errors?.at(-1);
        fail(
          (error && nearestCode({ properties: { value: parameter.schema } }, error, spec.schemas)) ?? parameter.code,
          parameter.name,
        );
      }
    }

    const body = checks.request.body;
    if (!body) return undefined;
    const malformed =
      body.code ?? (spec.malformedBody && "code" in spec.malformedBody ? spec.malformedBody.code : undefined);
    const text = incoming.body ?? "";
    if (text === "") {
      if (body.required) fail(malformed);
      return undefined;
    }
    const type = mediaTypeOf(header("content-type"));
    if (!checks.bodies.has(type))
      fail(undefined, undefined, checks.unsupported ?? (malformed ? { code: malformed } : spec.invalidRequest));
    let value: unknown = text;
    if (isJson(type)) {
      try {
        value = JSON.parse(text);
      } catch {
        fail(malformed);
      }
    }
    const validate = checks.bodies.get(type);
    if (validate && !validate(value)) {
      const error = validate.errors?.at(-1);
      const at = error?.instancePath.split("/").slice(1).join(".");
      fail((error && nearestCode(body.content[type]!.schema, error, spec.schemas)) ?? body.code, at || undefined);
    }
    return value;
  };
}
