// @ts-check
/**
 * ec-412-precondition: 412 appears only on operations that accept a precondition header. Runs on the
 * unresolved document (`resolved: false`) so that each operation's finding lands at its own listing
 * of the 412 response, not at a response component that several operations share.
 */
import { headerParameterNames, objectAt, operationName, operations } from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

const PRECONDITIONS = ["if-match", "if-none-match", "if-unmodified-since", "if-modified-since"];

export default documentRule("ec-412-precondition", (doc) =>
  operations(doc).flatMap((op) => {
    if (!("412" in objectAt(op.operation, "responses"))) return [];
    if (headerParameterNames(op, doc).some((h) => PRECONDITIONS.includes(h))) return [];
    const accepted = "If-Match, If-None-Match, If-Unmodified-Since";
    const message = `${operationName(op)} declares 412 but accepts no precondition header (${accepted}).`;
    return [{ message, path: [...op.path, "responses", "412"] }];
  }),
);
