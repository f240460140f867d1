import { STATUS_CODES } from "node:http";
import type { ErrorRef, ServerSpec, StatusSpec } from "@error-contracts/server";
import type { Json } from "../../src/openapi/index.js";
import {
  apiErrorShape,
  componentOf,
  contentOf,
  entriesOf,
  errorResponsesOf,
  followRef,
  isObject,
  objectAt,
  operations,
  schemaAt,
  setValueAt,
  valueAt,
} from "../../src/openapi/index.js";
import type { CatalogFamily } from "./catalog.js";
import { minimalValue } from "./minimal-value.js";
import { invalidRequestOf, readRequest } from "./server-request.js";

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** What a code-less status's minimal body needs, on top of its `StatusSpec`. */
interface Documented {
  status: number;
  spec: Writable<StatusSpec>;
  description: string;
  /** The catalog examples its response lists, by name. */
  examples: string[];
}

/** A status's headers, by lower-case name, each `$ref` followed. */
function headersOf(doc: Json, response: Json): StatusSpec["headers"] {
  const headers: Record<string, { required: boolean; schema?: unknown }> = {};
  for (const [name, raw] of entriesOf(response.headers)) {
    const header = followRef(doc, raw).node;
    if (!isObject(header)) continue;
    headers[name.toLowerCase()] = {
      required: header.required === true,
      ...(header.schema ? { schema: header.schema } : {}),
    };
  }
  return headers;
}

/** One documented status, from the first response that documents it: media type, schema, headers, examples. */
function readStatus(doc: Json, status: number, raw: unknown, retryAfter: number[]): Documented | undefined {
  const response = followRef(doc, raw).node;
  if (!isObject(response)) return undefined;
  const [content] = contentOf(response, []);
  const headers = headersOf(doc, response);
  const reason = STATUS_CODES[status] ?? `HTTP ${status}`;
  const spec: Writable<StatusSpec> = {
    mediaType: content?.mediaType ?? "application/json",
    reason,
    retryAfter: retryAfter.includes(status) || headers["retry-after"]?.required === true,
    headers,
    ...(content && content.media.schema !== undefined ? { schema: content.media.schema } : {}),
  };
  const examples = entriesOf(content?.media.examples).map(([key, ref]) => componentOf(ref)?.name ?? key);
  return { status, spec, description: String(response.description ?? reason), examples };
}

/** The `components.schemas` a value refers to, followed transitively. */
function reachableSchemas(doc: Json, roots: unknown[]): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!isObject(node)) return;
    const component = typeof node.$ref === "string" ? componentOf(node) : undefined;
    if (component?.kind === "schemas" && !(component.name in found)) {
      found[component.name] = followRef(doc, node).node;
      walk(found[component.name]);
    }
    Object.values(node).forEach(walk);
  };
  roots.forEach(walk);
  return found;
}

/** A code-less status's body: the schema's minimum, with the response's description as the message. */
function fillBody(doc: Json, documented: Documented, shape: ServerSpec["shape"]): void {
  const schema = documented.spec.schema;
  const body = minimalValue(doc, schema);
  const message = shape.message[0];
  if (message && isObject(body) && schemaAt(doc, schema, [...message]) !== undefined) {
    setValueAt(body, [...message], documented.description);
  }
  documented.spec.body = body;
  // The minimum holds a code only where the schema requires one: then the caller gives it.
  documented.spec.codeRequired = valueAt(body, [...shape.code]) !== undefined;
}

/** The request bodies' `x-error-code` most operations name (read with each request): the answer to a body that is not JSON. */
function malformedBodyCode(ops: ServerSpec["operations"], codes: ServerSpec["codes"]): ErrorRef | undefined {
  const named = new Map<string, number>();
  for (const { request } of Object.values(ops)) {
    const code = request?.body?.code;
    if (code !== undefined && code in codes) named.set(code, (named.get(code) ?? 0) + 1);
  }
  const [code] = [...named].sort((a, b) => b[1] - a[1])[0] ?? [];
  return code === undefined ? undefined : { code };
}

/**
 * An API's `ServerSpec` (packages/server): its error shape, every error status its operations
 * document (the first response of each), its catalog's codes with their example bodies, what each
 * operation documents, its 500 and its answer to a malformed body. `undefined` for an API whose
 * error bodies have no shape the build can read.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one job, one API's server spec read from its bundle in one place
export function readServerSpec(apiId: string, doc: Json, family: CatalogFamily | undefined): ServerSpec | undefined {
  const found = apiErrorShape(doc);
  if (!found) return undefined;
  const { shape: declared } = found;
  const shape: ServerSpec["shape"] = {
    code: declared.code,
    codeType: declared.codeType === "integer" ? "number" : "string",
    message: declared.message,
    ...(declared.target ? { target: declared.target } : {}),
    ...(declared.details ? { details: declared.details } : {}),
    ...(declared.correlationId ? { correlationId: declared.correlationId } : {}),
    ...(declared.correlationHeader ? { correlationHeader: declared.correlationHeader } : {}),
  };
  const examples = objectAt(objectAt(doc, "components"), "examples");
  const byExample = new Map((family?.errors ?? []).filter((e) => e.example in examples).map((e) => [e.example, e]));
  const documented = new Map<number, Documented>();
  const ops: Writable<ServerSpec["operations"]> = {};
  for (const op of operations(doc)) {
    const { route, method, operation, path } = op;
    const codes = new Set<string | number>();
    const statuses: number[] = [];
    for (const { key, response } of errorResponsesOf(operation, path)) {
      if (!/^[45]\d\d$/.test(key)) continue;
      const status = Number(key);
      const read = readStatus(doc, status, response, declared.retryAfter);
      if (!read) continue;
      if (!documented.has(status)) documented.set(status, read);
      statuses.push(status);
      for (const name of read.examples) {
        const error = byExample.get(name);
        if (error?.status === status) codes.add(error.code);
      }
    }
    const id = typeof operation.operationId === "string" ? operation.operationId : `${method} ${route}`;
    ops[id] = { codes: [...codes], statuses: statuses.sort((a, b) => a - b), request: readRequest(doc, op) };
  }
  const codes: Record<string, { status: number; body: unknown }> = {};
  for (const [name, error] of byExample) {
    const example = followRef(doc, examples[name]).node;
    if (documented.has(error.status) && isObject(example))
      codes[String(error.code)] = { status: error.status, body: example.value };
  }
  const coded = new Set(Object.values(codes).map((c) => c.status));
  if (!documented.has(500)) {
    const fallback = readStatus(
      doc,
      500,
      { description: STATUS_CODES[500], content: { [declared.mediaType]: { schema: found.schema } } },
      [],
    );
    if (fallback) documented.set(500, fallback);
  }
  for (const status of documented.values()) if (!coded.has(status.status)) fillBody(doc, status, shape);
  const statuses = Object.fromEntries([...documented].sort((a, b) => a[0] - b[0]).map(([s, d]) => [String(s), d.spec]));
  const catalogued = (family?.errors ?? []).filter((e) => String(e.code) in codes);
  const internals = catalogued.filter((e) => e.status === 500);
  const internal = internals.find((e) => e.kind === "code") ?? internals[0];
  const malformed = malformedBodyCode(ops, codes);
  const invalid = invalidRequestOf(catalogued, statuses["400"]?.body !== undefined);
  return {
    api: apiId,
    shape,
    statuses,
    codes,
    operations: ops,
    internal: internal ? { code: String(internal.code) } : { status: 500 },
    ...(malformed ? { malformedBody: malformed } : {}),
    ...(invalid ? { invalidRequest: invalid } : {}),
    schemas: reachableSchemas(doc, [
      ...Object.values(statuses).map((s) => s.schema),
      ...Object.values(ops).map((o) => o.request),
    ]),
  };
}
