// @ts-check
/**
 * ec-error-schema-shape: the error schema of every error response has the shape it declares
 * (`x-error-shape`, docs/extensions.md), or, declaring none, the shape it is recognisably in.
 * - declared: the declaration is well formed, and the schema has each member it points at: the code of
 *   its `codeType`, string messages and target, a recursive inner error; outside problem details the
 *   code and each object on its way are required;
 * - problem details (declared with `application/problem+json` or recognised by `title` and `status`):
 *   RFC 9457's members are strings and `status` an integer 100–599; declared ones must list them all;
 * - an `{ error: { code, message } }` envelope: `error`, its code and message are required, strings;
 * - a flat `{ code }`: the code has a string or integer type (nothing is required of a shape only inferred);
 * - any other schema: nothing here (the rules that hold for any shape still apply).
 * `allOf` members are merged and 3.1 type arrays accepted.
 */
import {
  contentOf,
  ERROR_SHAPE,
  errorResponsesOf,
  flattenSchema,
  inferShape,
  isObject,
  operations,
  readDeclaredShape,
  refOf,
  typesOf,
} from "../../src/openapi/index.js";
import { documentRule, oncePerNode } from "../shared.js";

/** @typedef {import("../../src/openapi/index.js").JsonPath} JsonPath */
/** @typedef {import("../../src/openapi/index.js").ErrorShape} ErrorShape */
/** @typedef {(message: string, path: JsonPath) => void} Report */

const PROBLEM_MEMBERS = ["type", "title", "detail", "instance"];

/** @param {unknown} schema @param {string} type */
const allows = (schema, type) => typesOf(schema).includes(type);
/** A body path as the pointer the declaration wrote. @param {string[]} path */
const pointer = (path) => refOf(path).slice(1);

/**
 * Each step of a body path in a schema: the member's schema, where it is, and whether its parent requires it.
 * @param {unknown} schema @param {JsonPath} at @param {string[]} path
 */
function walk(schema, at, path) {
  const steps = [];
  let node = schema;
  let nodeAt = at;
  for (const key of path) {
    const flat = flattenSchema(node);
    if (!(key in flat.properties)) return { steps, found: false };
    node = flat.properties[key];
    nodeAt = [...nodeAt, "properties", key];
    steps.push({ key, node, at: nodeAt, required: flat.required.includes(key) });
  }
  return { steps, found: true, node, at: nodeAt };
}

/** RFC 9457's members: strings, and `status` an integer 100–599. @param {unknown} schema @param {JsonPath} at @param {boolean} strict @param {Report} report */
function problemMembers(schema, at, strict, report) {
  const props = flattenSchema(schema).properties;
  for (const member of PROBLEM_MEMBERS) {
    if (!(member in props)) {
      if (strict) report(`Problem details must declare \`${member}\` (a string).`, [...at, "properties"]);
    } else if (!allows(props[member], "string")) {
      report(`Problem details \`${member}\` must be a string.`, [...at, "properties", member]);
    }
  }
  const status = props.status;
  const statusAt = [...at, "properties", "status"];
  if (!status) {
    if (strict) report("Problem details must declare `status` (an integer 100–599).", [...at, "properties"]);
  } else if (!allows(status, "integer")) report("Problem details `status` must be an integer.", statusAt);
  else if (!(isObject(status) && Number(status.minimum) >= 100 && Number(status.maximum) <= 599)) {
    report("Problem details `status` must be bounded to 100–599 (minimum: 100, maximum: 599).", statusAt);
  }
}

/**
 * The members a shape points at, in the schema. `declaredAt`: where the declaration is (its
 * members are named in the messages), else the shape was recognised.
 * @param {unknown} schema @param {JsonPath} at @param {ErrorShape} shape @param {JsonPath | undefined} declaredAt @param {Report} report
 */
function members(schema, at, shape, declaredAt, report) {
  const problem = shape.mediaType === "application/problem+json";
  /** @param {string} member @param {string[]} path @param {string} what */
  const missing = (member, path, what) =>
    declaredAt
      ? report(`\`${ERROR_SHAPE}.${member}\` points at ${pointer(path)}, which the schema does not declare.`, [
          ...declaredAt,
          member,
        ])
      : report(`The error schema must declare ${what} at ${pointer(path)}.`, at);
  const code = walk(schema, at, shape.code);
  // Problem details recognised without a `code` member are keyed by `type`, which RFC 9457 leaves optional.
  if (!code.found) {
    if (declaredAt || shape.style !== "problem") missing("code", shape.code, "the code");
  } else {
    const type = shape.codeType === "integer" ? ["integer", "number"] : ["string"];
    const where = /** @type {JsonPath} */ (code.at);
    if (!type.some((t) => allows(code.node, t))) {
      report(
        `The error code at ${pointer(shape.code)} must be ${shape.codeType === "integer" ? "an integer" : "a string"}.`,
        where,
      );
    }
    // Required on the way: what a declaration promises, and what makes an envelope one; a flat
    // `{ code }` was only inferred, so its members stay as optional as the spec wrote them.
    const holdsCode = !problem && (declaredAt !== undefined || shape.style === "envelope");
    for (const step of holdsCode ? code.steps.filter((s) => !s.required) : []) {
      report(
        `The error schema must require \`${step.key}\` (on the way to the code at ${pointer(shape.code)}).`,
        step.at,
      );
    }
  }
  for (const [member, paths] of /** @type {const} */ ([
    ["message", shape.message],
    ["target", shape.target ? [shape.target] : []],
  ])) {
    for (const path of paths) {
      const found = walk(schema, at, path);
      if (!found.found) {
        if (declaredAt) missing(member, path, `the ${member}`);
      } else if (!allows(found.node, "string")) {
        report(`The error ${member} at ${pointer(path)} must be a string.`, /** @type {JsonPath} */ (found.at));
      } else if (shape.style === "envelope" && member === "message" && !found.steps.at(-1)?.required) {
        report(
          `The error schema must require \`${found.steps.at(-1)?.key}\` (the message at ${pointer(path)}).`,
          /** @type {JsonPath} */ (found.at),
        );
      }
    }
  }
  if (declaredAt && shape.details && !walk(schema, at, shape.details).found)
    missing("details", shape.details, "details");
  innerErrors(schema, at, shape, declaredAt, report);
}

/** The inner error the shape declares is in the schema, and recursive. @param {unknown} schema @param {JsonPath} at @param {ErrorShape} shape @param {JsonPath | undefined} declaredAt @param {Report} report */
function innerErrors(schema, at, shape, declaredAt, report) {
  if (shape.innerError.length === 0) return;
  const holder = walk(schema, at, shape.code.slice(0, -1));
  if (!holder.found) return;
  const props = flattenSchema(holder.node).properties;
  const key = shape.innerError.find((k) => k in props);
  if (!key) {
    if (declaredAt) {
      const names = shape.innerError.map((k) => `\`${k}\``).join(" or ");
      report(`\`${ERROR_SHAPE}.innerError\` names ${names}, which the error object does not declare.`, [
        ...declaredAt,
        "innerError",
      ]);
    }
    return;
  }
  const inner = props[key];
  if (isObject(inner) && !("$ref" in inner) && !shape.innerError.some((k) => k in flattenSchema(inner).properties)) {
    report(`\`${key}\` must be recursive: it declares \`${key}\` of its own type.`, [
      ...(holder.at ?? at),
      "properties",
      key,
    ]);
  }
}

/** @param {unknown} schema @param {JsonPath} at @param {string} mediaType */
function check(schema, at, mediaType) {
  /** @type {import("../shared.js").Result[]} */
  const results = [];
  /** @type {Report} */
  const report = (message, path) => {
    results.push({ message, path });
  };
  /** @type {ErrorShape | undefined} */
  let shape;
  /** @type {JsonPath | undefined} */
  let declaredAt;
  if (isObject(schema) && ERROR_SHAPE in schema) {
    declaredAt = [...at, ERROR_SHAPE];
    const declared = readDeclaredShape(schema[ERROR_SHAPE]);
    for (const problem of declared.problems) report(problem.message, [...(declaredAt ?? at), ...problem.path]);
    shape = declared.shape;
  } else shape = inferShape(undefined, schema, mediaType);
  if (!shape) return results;
  if (shape.mediaType === "application/problem+json" || shape.style === "problem") {
    problemMembers(schema, at, shape.style === "declared", report);
  }
  members(schema, at, shape, declaredAt, report);
  return results;
}

export default documentRule("ec-error-schema-shape", (doc) => {
  // A schema that many responses share: checked once per media type, its results placed at each use.
  const checkOnce = oncePerNode(
    (schema, at, mediaType) => check(schema, at, String(mediaType)),
    (result, at) => ({ message: result.message, path: [...at, ...result.path] }),
  );
  return operations(doc).flatMap(({ operation, path }) =>
    errorResponsesOf(operation, path).flatMap(({ response, path: responseAt }) =>
      contentOf(response, responseAt).flatMap(({ mediaType, media, path: at }) =>
        isObject(media.schema) ? checkOnce(media.schema, [...at, "schema"], mediaType) : [],
      ),
    ),
  );
});
