// @ts-check
/** ec-operation-responses: every operation declares a 2xx and error responses (4xx and 5xx, or ranges, or default). */
import { isObject, operationName, operations, statusClass } from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

export default documentRule("ec-operation-responses", (doc) =>
  operations(doc).flatMap((op) => {
    const { operation, path } = op;
    const classes = Object.keys(isObject(operation.responses) ? operation.responses : {}).map((k) =>
      k === "default" ? "default" : statusClass(k),
    );
    const missing = [];
    if (!classes.includes(2)) missing.push("a 2xx response");
    if (!classes.includes(4) && !classes.includes("default")) missing.push("a 4xx response (or 4XX, or default)");
    if (!classes.includes(5) && !classes.includes("default")) missing.push("a 5xx response (or 5XX, or default)");
    if (missing.length === 0) return [];
    const message = `${operationName(op)} must declare ${missing.join(" and ")}.`;
    return [{ message, path: isObject(operation.responses) ? [...path, "responses"] : path }];
  }),
);
