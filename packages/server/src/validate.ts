/**
 * The optional run-time check (`createKit(spec, { validate: true })`): every response the kit makes
 * is checked against its status's body schema and headers, with validators Ajv compiles once, when
 * the kit is made. Ajv is an optional peer dependency, loaded only here, through Node's `require`
 * (the kit itself runs without Node and without Ajv).
 */
import type { ErrorResponse } from "./response.js";
import type { ServerSpec } from "./spec.js";

export interface AjvError {
  instancePath: string;
  message?: string;
  /** With `verbose: true`: the schema object holding the keyword that failed. */
  parentSchema?: unknown;
}
export type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
export interface Ajv {
  compile(schema: unknown): Validate;
}

/** Node's `require`, from wherever the kit runs (`process.getBuiltinModule`, Node 20.16+). */
function nodeRequire(feature: string): (id: string) => unknown {
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const module = node?.getBuiltinModule?.("node:module") as
    | { createRequire(from: string): (id: string) => unknown }
    | undefined;
  if (!module) throw new Error(`${feature} needs Node 20.16 or later (it loads Ajv with require)`);
  return module.createRequire(import.meta.url);
}

/** Ajv for JSON Schema 2020-12 (OpenAPI 3.1), with ajv-formats when `formats` is asked for. */
export function loadAjv(feature: string, options: object, formats = false): Ajv {
  const require = nodeRequire(feature);
  let Ajv2020: new (options: object) => Ajv;
  try {
    ({ Ajv2020 } = require("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020 });
  } catch {
    throw new Error(`${feature} needs ajv: npm install ajv`);
  }
  const ajv = new Ajv2020(options);
  if (formats) {
    try {
      const plugin = require("ajv-formats") as { default: (ajv: Ajv) => void };
      plugin.default(ajv);
    } catch {
      throw new Error(`${feature} needs ajv-formats: npm install ajv-formats`);
    }
  }
  return ajv;
}

const describe = (validate: Validate) =>
  (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`).join("; ");

/** A function that throws when a response breaks its contract: compiled for every documented status at once. */
export function compileChecks(spec: ServerSpec): (response: ErrorResponse) => void {
  const ajv = loadAjv("createKit({ validate: true })", { strict: false, allErrors: true, validateFormats: false });
  const components = { schemas: spec.schemas };
  const compiled = new Map<string, { body?: Validate; headers: [string, boolean, Validate | undefined][] }>();
  for (const [status, statusSpec] of Object.entries(spec.statuses)) {
    const body =
      statusSpec.schema === undefined ? undefined : ajv.compile({ ...(statusSpec.schema as object), components });
    const headers = Object.entries(statusSpec.headers).map(
      ([name, header]): [string, boolean, Validate | undefined] => [
        name,
        header.required,
        header.schema === undefined ? undefined : ajv.compile(header.schema),
      ],
    );
    compiled.set(status, { body, headers });
  }
  return (response) => {
    const where = `${spec.api}: the ${response.status} response`;
    const found = compiled.get(String(response.status));
    if (!found) throw new Error(`${where} is not documented`);
    if (response.mediaType !== spec.statuses[response.status]!.mediaType) {
      throw new Error(`${where} is ${response.mediaType}, documented as ${spec.statuses[response.status]!.mediaType}`);
    }
    if (found.body && !found.body(response.body))
      throw new Error(`${where} breaks its schema: ${describe(found.body)}`);
    for (const [name, required, validate] of found.headers) {
      const value = response.headers[name];
      if (value === undefined && required) throw new Error(`${where} lacks its header ${name}`);
      if (value !== undefined && validate && !validate(value)) {
        throw new Error(`${where} has an invalid ${name}: ${describe(validate)}`);
      }
    }
  };
}
