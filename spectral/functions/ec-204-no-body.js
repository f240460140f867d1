// @ts-check
/** ec-204-no-body: a 204 response has no content. */
import { isObject, objectAt, operations } from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

export default documentRule("ec-204-no-body", (doc) =>
  operations(doc).flatMap(({ operation, path }) => {
    const response = objectAt(operation, "responses")["204"];
    if (!isObject(response) || Object.keys(objectAt(response, "content")).length === 0) return [];
    const message = "A 204 response has no body: remove its content, or use 200.";
    return [{ message, path: [...path, "responses", "204", "content"] }];
  }),
);
