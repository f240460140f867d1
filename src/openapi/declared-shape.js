// @ts-check
/**
 * The `x-error-shape` a spec declares on its error schema (docs/extensions.md): where the error body keeps its
 * code, message, target, details and inner errors, read with a problem for each member that is malformed.
 * The `ErrorShape` type is this file's; `error-shape.js` infers one where a schema declares none.
 */
import { isObject } from "./json.js";
import { pathOfPointer } from "./pointer.js";
import { mediaTypeBase } from "./responses.js";

/** @typedef {import("./json.js").JsonPath} JsonPath */

/**
 * @typedef {object} ErrorShape
 * @property {"declared" | "problem" | "envelope" | "list" | "flat"} style `declared`: from `x-error-shape`; else the style inferred
 * @property {string} mediaType the media type of error bodies
 * @property {string[]} code the path of the code in the body
 * @property {"string" | "integer"} codeType the code's JSON Schema type on the wire
 * @property {string[][]} message paths of the message, the first present wins
 * @property {string[] | undefined} target
 * @property {string[] | undefined} details
 * @property {string[]} innerError member names, in the node that holds the code, of a nested error of the same shape
 * @property {string | undefined} correlationHeader the response header carrying a correlation id
 * @property {string[] | undefined} correlationId the body member carrying a correlation id
 * @property {number[]} retryAfter the statuses whose responses carry `Retry-After`
 */

/** @typedef {{ message: string, path: JsonPath }} ShapeProblem */

export const EXTENSION = "x-error-shape";
const KEYS = [
  "mediaType",
  "code",
  "codeType",
  "message",
  "target",
  "details",
  "innerError",
  "correlationHeader",
  "correlationId",
  "retryAfter",
];

/** Whether a media type is JSON or a `+json` kind of it. @param {string} mediaType */
export function isJsonMediaType(mediaType) {
  const base = mediaTypeBase(mediaType);
  return base === "application/json" || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(base);
}

/** A list of strings from one string or an array of them. @param {unknown} value @returns {string[] | undefined} */
const strings = (value) =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")
      ? value
      : undefined;

/**
 * Reads an `x-error-shape` declaration. Each member that is malformed is a problem (its path is
 * relative to the declaration) and the shape is `undefined` when `code` cannot be read.
 * @param {unknown} declared @returns {{ shape: ErrorShape | undefined, problems: ShapeProblem[] }}
 */
export function readDeclaredShape(declared) {
  /** @type {ShapeProblem[]} */
  const problems = [];
  if (!isObject(declared)) {
    return { shape: undefined, problems: [{ message: `\`${EXTENSION}\` must be an object.`, path: [] }] };
  }
  for (const key of Object.keys(declared)) {
    if (!KEYS.includes(key)) problems.push({ message: `\`${EXTENSION}\` has no member \`${key}\`.`, path: [key] });
  }
  /** @param {string} key @returns {string[][] | undefined} */
  const pointers = (key) => {
    const value = declared[key];
    if (value === undefined) return undefined;
    const list = strings(value);
    if (!list?.every((p) => p.startsWith("/"))) {
      problems.push({
        message: `\`${EXTENSION}.${key}\` must be a JSON pointer into the body, like \`/error/code\`.`,
        path: [key],
      });
      return undefined;
    }
    return list.map(pathOfPointer);
  };
  const code = pointers("code")?.[0];
  if (!code && declared.code === undefined)
    problems.push({ message: `\`${EXTENSION}\` must declare \`code\`.`, path: [] });
  const mediaType = declared.mediaType ?? "application/json";
  if (typeof mediaType !== "string" || !isJsonMediaType(mediaType)) {
    const message = `\`${EXTENSION}.mediaType\` must be a JSON media type (application/json, application/problem+json, …).`;
    problems.push({ message, path: ["mediaType"] });
  }
  const codeType = declared.codeType ?? "string";
  if (codeType !== "string" && codeType !== "integer") {
    problems.push({ message: `\`${EXTENSION}.codeType\` must be \`string\` or \`integer\`.`, path: ["codeType"] });
  }
  const innerError = declared.innerError === undefined ? [] : strings(declared.innerError);
  if (!innerError)
    problems.push({
      message: `\`${EXTENSION}.innerError\` must be a member name or a list of them.`,
      path: ["innerError"],
    });
  const header = declared.correlationHeader;
  if (header !== undefined && (typeof header !== "string" || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header))) {
    problems.push({
      message: `\`${EXTENSION}.correlationHeader\` must be a header name.`,
      path: ["correlationHeader"],
    });
  }
  const retryAfter = declared.retryAfter ?? [];
  const statuses = Array.isArray(retryAfter) && retryAfter.every((s) => Number.isInteger(s) && s >= 400 && s <= 599);
  if (!statuses) {
    problems.push({
      message: `\`${EXTENSION}.retryAfter\` must list HTTP error statuses, like [429, 503].`,
      path: ["retryAfter"],
    });
  }
  const [message, target, details, correlationId] = ["message", "target", "details", "correlationId"].map(pointers);
  if (!code) return { shape: undefined, problems };
  return {
    shape: {
      style: "declared",
      mediaType: typeof mediaType === "string" ? mediaType : "application/json",
      code,
      codeType: codeType === "integer" ? "integer" : "string",
      message: message ?? [],
      target: target?.[0],
      details: details?.[0],
      innerError: innerError ?? [],
      correlationHeader: typeof header === "string" ? header.toLowerCase() : undefined,
      correlationId: correlationId?.[0],
      retryAfter: statuses ? /** @type {number[]} */ (retryAfter) : [],
    },
    problems,
  };
}
