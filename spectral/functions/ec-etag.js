// @ts-check
/**
 * ec-etag: on a path whose operations accept `If-Match` or `If-None-Match` (their own parameters or
 * the Path Item's, `$ref`s followed), every 2xx response of the GET (`2XX` included) declares the
 * `ETag` header (any case), the value a client sends back. A path without a GET is not checked.
 * Runs on the unresolved document (`resolved: false`) so that each finding lands at the GET's own
 * listing of the response, not at a response component that other operations share.
 */
import {
  followRef,
  headerNames,
  headerParameterNames,
  operationName,
  operations,
  responsesOf,
  statusClass,
} from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

/** The precondition headers that send an ETag back, as messages spell them. */
const SENT_BACK = new Map([
  ["if-match", "If-Match"],
  ["if-none-match", "If-None-Match"],
]);

export default documentRule("ec-etag", (doc) => {
  const all = operations(doc);
  return all.flatMap((get) => {
    if (get.method !== "get") return [];
    /** @type {string | undefined} */
    let because;
    for (const op of all.filter((o) => o.route === get.route)) {
      const header = headerParameterNames(op, doc).find((h) => SENT_BACK.has(h));
      if (header) {
        because = `${operationName(op)} accepts ${SENT_BACK.get(header)}`;
        break;
      }
    }
    if (!because) return [];
    const why = `${because}, and a client sends back the ETag the GET gave it`;
    return responsesOf(get.operation, get.path)
      .filter(
        ({ key, response }) => statusClass(key) === 2 && !headerNames(followRef(doc, response).node).includes("etag"),
      )
      .map(({ key, path }) => ({
        message: `${operationName(get)} must declare the ETag header on its ${key} response: ${why}.`,
        path,
      }));
  });
});
