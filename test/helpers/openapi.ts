/** Reading bundled APIs in tests: operations, their error responses and examples, and valid requests. */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { isObject, operations as operationsOf, resolveRef } from "../../src/openapi/index.js";
import type { Catalog } from "../../scripts/build/catalog.js";
import { repoRoot } from "./cli.js";

/** A bundle as the tests read it: trusted (built and checked), so read without narrowing each member. */
// biome-ignore lint/suspicious/noExplicitAny: the tests read built bundles without narrowing each member
export type Json = Record<string, any>;

export const catalog = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", "catalog.json"), "utf8")) as Catalog;
export const apiIds = [...new Set(catalog.families.flatMap((family) => family.apis))].sort();
export const bundlePath = (api: string) => path.join(repoRoot, "generated", api, "openapi.yaml");

const bundles = new Map<string, Json>();
export function bundle(api: string): Json {
  if (!bundles.has(api)) bundles.set(api, parse(fs.readFileSync(bundlePath(api), "utf8")) as Json);
  return bundles.get(api)!;
}

/** A node of the bundle, its `$ref`s followed; `{}` for none. */
export function deref(doc: Json, node: unknown): Json {
  const found = resolveRef(doc, node);
  return isObject(found) ? found : {};
}

/** A small value the schema accepts: required members only, the first `anyOf` branch's too. */
export function sample(doc: Json, schemaRef: Json | undefined): unknown {
  const schema = deref(doc, schemaRef);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  if (type === "object" || schema.properties || schema.anyOf || schema.oneOf) {
    const branch = deref(doc, (schema.anyOf ?? schema.oneOf)?.[0]);
    const required = new Set<string>([...(schema.required ?? []), ...(branch.required ?? [])]);
    return Object.fromEntries(
      [...required].map((name) => [name, sample(doc, schema.properties?.[name] ?? branch.properties?.[name])]),
    );
  }
  if (type === "array") return Array.from({ length: schema.minItems ?? 0 }, () => sample(doc, schema.items));
  if (type === "integer" || type === "number") return schema.minimum ?? 1;
  if (type === "boolean") return true;
  const formats: Record<string, string> = {
    uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "date-time": "2026-01-01T00:00:00Z",
    date: "2026-01-01",
    uri: "https://example.com/x",
    email: "a@example.com",
  };
  return formats[schema.format] ?? "x".repeat(Math.max(1, schema.minLength ?? 1));
}

export interface Operation {
  method: string;
  route: string;
  operation: Json;
  /** The operation's responses, by status, with `$ref`s resolved. */
  responses: Map<number, Json>;
  /** A valid call: path (with values), params and body as openapi-fetch takes them. */
  init: { params: { path: Json; query: Json; header: Json }; body?: unknown };
}

export function operations(api: string): Operation[] {
  const doc = bundle(api);
  return operationsOf(doc).map(({ method, route, operation, parameters }) => {
    const params: Operation["init"]["params"] = { path: {}, query: {}, header: {} };
    for (const parameter of parameters.map((p) => deref(doc, p.parameter))) {
      if (parameter.required && parameter.in in params)
        params[parameter.in as "path"][parameter.name] = sample(doc, parameter.schema);
    }
    const media = deref(doc, operation.requestBody).content?.["application/json"];
    const responses = Object.entries(deref(doc, operation.responses)).map(
      ([status, response]) => [Number(status), deref(doc, response)] as const,
    );
    return {
      method,
      route,
      operation,
      responses: new Map(responses),
      init: { params, ...(media ? { body: sample(doc, media.schema) } : {}) },
    };
  });
}

/** The first operation that lists the named example under the status. */
export function operationWithExample(api: string, status: number, example: string): Operation | undefined {
  return operations(api).find((op) =>
    Object.values((op.responses.get(status)?.content ?? {}) as Json).some(
      (media: Json) => example in (media.examples ?? {}),
    ),
  );
}

/** The value a response's header carries in the contract's example (what Prism sends). */
export function headerExample(api: string, response: Json, pattern: RegExp): string | undefined {
  const doc = bundle(api);
  const name = Object.keys(response.headers ?? {}).find((header) => pattern.test(header));
  if (!name) return undefined;
  const header = deref(doc, response.headers[name]);
  return header.example ?? (Object.values(header.examples ?? {})[0] as Json | undefined)?.value;
}
