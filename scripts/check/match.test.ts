import { describe, expect, it } from "vitest";
import { operationName } from "../../src/openapi/index.js";
import { Contract } from "./contract.js";
import { operationFor } from "./match.js";

const noop = { responses: {} };
const contract = new Contract(
  {
    openapi: "3.1.0",
    paths: {
      "/customers": { get: noop },
      "/customers/{id}": { get: noop, delete: noop },
      "/customers/me": { get: noop },
    },
  },
  "x.yaml",
);

describe("operationFor", () => {
  it.each([
    ["GET", "http://127.0.0.1:1/customers", "GET /customers"],
    ["GET", "http://127.0.0.1:1/api/v1/customers/", "GET /customers"],
    ["DELETE", "http://127.0.0.1:1/customers/c-1?x=1", "DELETE /customers/{id}"],
    ["GET", "http://127.0.0.1:1/customers/me", "GET /customers/me"],
    ["POST", "http://127.0.0.1:1/customers", undefined],
    ["GET", "http://127.0.0.1:1/orders", undefined],
    ["GET", "not a url", undefined],
  ])("%s %s → %s", (method, url, want) => {
    const op = operationFor(contract, method, url);
    expect(op && operationName(op)).toBe(want);
  });
});
