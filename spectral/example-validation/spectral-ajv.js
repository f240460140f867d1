// @ts-check
/**
 * An Ajv instance made as Spectral's `schema` function makes its own (`createAjvInstances` in
 * `@stoplight/spectral-functions/dist/schema/ajv.js`, which does not hand out the instance): the same
 * modules, loaded through the `require` of the spectral-functions that spectral:oas's `oasSchema` loaded
 * (it has its own `ajv-formats`), the same options, for the dialect `oasSchema` picks for a document.
 * `undefined` where that cannot be done exactly (OpenAPI 2, no formats, a dialect other than draft 4,
 * 2019-09 and 2020-12, the modules not found): the caller then validates only through `oasSchema`.
 */
import { createRequire } from "node:module";
import { extractDraftVersion, oas3_0, oas3_1, oas3_2 } from "@stoplight/spectral-formats";
import { oasSchema } from "@stoplight/spectral-rulesets/dist/oas/functions/index.js";
import { isObject } from "../../src/openapi/index.js";

/** The Ajv classes by dialect, as `createAjvInstances` maps them (module ids of its `require`). */
const CLASSES = /** @type {Record<string, string>} */ ({
  draft4: "ajv-draft-04",
  "draft2019-09": "ajv/dist/2019",
  "draft2020-12": "ajv/dist/2020",
});

/** `oasSchema`'s dialect for a document (its `formats` and `jsonSchemaDialect`), or `undefined`. */
function dialectOf(/** @type {import("@stoplight/spectral-core").RulesetFunctionContext["document"]} */ document) {
  const { formats, data } = document;
  if (!formats) return undefined;
  if (formats.has(oas3_2) || formats.has(oas3_1)) {
    const declared = isObject(data) ? data.jsonSchemaDialect : undefined;
    return typeof declared === "string" ? (extractDraftVersion(declared) ?? "draft2020-12") : "draft2020-12";
  }
  return formats.has(oas3_0) ? "draft4" : undefined;
}

/** What `spectralFunctions` found, looked up once: a scan of `require.cache`. @type {{ file: string, load: NodeJS.Require } | undefined} */
let found;

/**
 * The spectral-functions that `oasSchema` (the very function ec-oas-examples calls) uses: the loaded
 * module that exports it is found in `require.cache`, and spectral-functions resolved from its file as
 * Node resolves it for `oasSchema.js`, beside it. Its main file, and a `require` from there.
 */
function spectralFunctions() {
  if (found) return found;
  const cache = createRequire(`${process.cwd()}/`).cache;
  const loaded = Object.values(cache).find((module) => module?.exports?.oasSchema === oasSchema);
  if (!loaded) return undefined;
  const file = createRequire(loaded.filename).resolve("@stoplight/spectral-functions");
  found = { file, load: createRequire(file) };
  return found;
}

const quiet = {
  /** @param {unknown[]} args */
  warn(...args) {
    if (typeof args[0] === "string" && !args[0].startsWith("unknown format")) console.warn(...args);
  },
  log: console.log,
  error: console.error,
};

/**
 * Spectral's Ajv (without `allErrors`, as `oasSchema` asks for it) for a document, or `undefined`.
 * Its options are `createAjvInstance`'s, and three that change only the code Ajv generates and the
 * errors' detail (`verbose`: each error carries its schema, which `spectralResults` reads).
 * @param {import("@stoplight/spectral-core").RulesetFunctionContext["document"]} document
 * @returns {import("ajv").default | undefined}
 */
export function spectralAjv(document) {
  const dialect = dialectOf(document);
  const id = dialect && CLASSES[dialect];
  const load = id ? spectralFunctions()?.load : undefined;
  if (!id || !load) return undefined;
  const exported = load(id);
  const Ajv = exported.default ?? exported;
  const formats = load("ajv-formats");
  const ajv = new Ajv({
    allErrors: false,
    meta: true,
    messages: true,
    strict: false,
    allowUnionTypes: true,
    logger: quiet,
    unicodeRegExp: false,
    // Two options of how Ajv writes its code, not of what it accepts: each shared component a function
    // of its own (not its code again in every schema that refers to it), and no optimising passes over
    // code that runs a few times. Together they halve what compiling GitHub's components costs.
    code: { optimize: false },
    inlineRefs: false,
    verbose: true,
  });
  (formats.default ?? formats)(ajv);
  return ajv;
}

/** A schema no value passes: Spectral's `schema` function fails it, then reports the errors it is handed. */
const FAILS = { not: {} };

/**
 * Spectral's results for Ajv's errors of an example, made by the `schema` function `oasSchema` calls,
 * as it makes them: the errors handed to it through its `prepareResults` (the hook `oasSchema` uses),
 * which then turns them into messages and paths. `undefined` for errors whose message `oasSchema`
 * would rewrite from the inlined schema: in OpenAPI 3.0, a `type` error of a `nullable` schema says
 * `,null`, unless the path to it in the inlined schema crosses an array (`allOf`, `anyOf`…), which the
 * error of a schema with its `$ref`s kept cannot tell. The whole function `undefined` where `spectralAjv` is.
 * @param {import("@stoplight/spectral-core").RulesetFunctionContext["document"]} document
 * @returns {((value: unknown, errors: import("ajv").ErrorObject[], context: import("@stoplight/spectral-core").RulesetFunctionContext) => { message: string, path: (string | number)[] }[] | undefined) | undefined}
 */
export function spectralResults(document) {
  const dialect = dialectOf(document);
  const functions = dialect && CLASSES[dialect] ? spectralFunctions() : undefined;
  if (!dialect || !functions) return undefined;
  const { schema } = functions.load(functions.file);
  const rewritten = (/** @type {import("ajv").ErrorObject} */ error) =>
    dialect === "draft4" && error.keyword === "type" && error.parentSchema?.nullable === true;
  return (value, errors, context) => {
    if (errors.some(rewritten)) return undefined;
    /** @param {import("ajv").ErrorObject[]} found */
    const prepareResults = (found) => void found.splice(0, found.length, ...errors);
    const results = schema(value, { schema: FAILS, dialect, allErrors: false, prepareResults }, context);
    return Array.isArray(results) ? results.map((r) => ({ message: r.message, path: r.path ?? context.path })) : [];
  };
}
