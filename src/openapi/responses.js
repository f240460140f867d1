// @ts-check
/**
 * Responses of an operation, and which of them describe failures. A response key is a status
 * (`404`), a range (`4XX`, any case) or `default`; error keys are 4xx and 5xx statuses and ranges,
 * and `default`.
 */
import { entriesOf, isObject, objectAt } from "./json.js";

/** @typedef {import("./json.js").Json} Json */
/** @typedef {import("./json.js").JsonPath} JsonPath */

/** The class of a status or range key (`404`, `4XX` → 4); `undefined` for `default`. @param {string} key */
export function statusClass(key) {
  return /^[1-5](\d\d|XX)$/i.test(key) ? Number(key[0]) : undefined;
}

/** A response key that describes a failure: 4xx, 5xx, 4XX, 5XX or default. @param {string} key */
export function isErrorKey(key) {
  const cls = statusClass(key);
  return cls === 4 || cls === 5 || key === "default";
}

/**
 * Whether a response key stands for an HTTP status: `404` for 404, `4XX` for any 4xx.
 * @param {string} key @param {number} status
 */
export function keyCovers(key, status) {
  return key === String(status) || key.toUpperCase() === `${String(status)[0]}XX`;
}

/**
 * The responses of an operation with their keys and paths (`operationPath` is where the operation is).
 * @param {Json} operation @param {JsonPath} operationPath
 * @returns {{ key: string, response: unknown, path: JsonPath }[]}
 */
export function responsesOf(operation, operationPath) {
  return entriesOf(operation.responses).map(([key, response]) => ({
    key,
    response,
    path: [...operationPath, "responses", key],
  }));
}

/**
 * The error responses of an operation (see `isErrorKey`), as written: a `$ref` is not followed.
 * @param {Json} operation @param {JsonPath} operationPath
 */
export function errorResponsesOf(operation, operationPath) {
  return responsesOf(operation, operationPath).filter(({ key }) => isErrorKey(key));
}

/** The error statuses an operation documents one by one (`404`, not `4XX`), in order. @param {Json} operation */
export function errorStatuses(operation) {
  return Object.keys(objectAt(operation, "responses"))
    .filter((key) => /^[45]\d\d$/.test(key))
    .map(Number)
    .sort((a, b) => a - b);
}

/** The lower-cased names of a response's headers. @param {unknown} response */
export function headerNames(response) {
  return Object.keys(objectAt(response, "headers")).map((name) => name.toLowerCase());
}

/**
 * A media type without its parameters, in lower case: `application/json; charset=utf-8` → `application/json`.
 * @param {string} mediaType
 */
export function mediaTypeBase(mediaType) {
  return (mediaType.split(";")[0] ?? "").trim().toLowerCase();
}

/**
 * The media types of a response's content with their paths (`responsePath` is where the response is).
 * @param {unknown} response @param {JsonPath} responsePath
 * @returns {{ mediaType: string, media: Json, path: JsonPath }[]}
 */
export function contentOf(response, responsePath) {
  return entriesOf(objectAt(response, "content")).flatMap(([mediaType, media]) =>
    isObject(media) ? [{ mediaType, media, path: [...responsePath, "content", mediaType] }] : [],
  );
}
