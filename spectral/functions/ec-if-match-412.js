// @ts-check
/** ec-if-match-412: an operation that accepts If-Match declares 412. */
import { headerParameterNames, objectAt, operationName, operations } from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

export default documentRule("ec-if-match-412", (doc) =>
  operations(doc).flatMap((op) => {
    if (!headerParameterNames(op).includes("if-match") || "412" in objectAt(op.operation, "responses")) return [];
    const message = `${operationName(op)} accepts If-Match, so it must declare a 412 response.`;
    return [{ message, path: [...op.path, "responses"] }];
  }),
);
