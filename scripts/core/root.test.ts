import { describe, expect, it } from "vitest";
import { idFromTitle, rootProblem } from "./root.js";

describe("rootProblem", () => {
  it.each([
    ["an empty file", undefined, "", "empty file: not an OpenAPI description"],
    ["a comment only", null, "# nothing\n", "empty file: not an OpenAPI description"],
    ["a list", [1], "- 1\n", "not an OpenAPI description (no mapping at the top)"],
    ["a mapping without openapi", { foo: 1 }, "foo: 1\n", 'not an OpenAPI 3.x description (no "openapi: 3.x" field)'],
    [
      "Swagger 2.0",
      { swagger: "2.0" },
      "swagger: '2.0'\n",
      "OpenAPI 2.0 (swagger) is not supported: convert it to OpenAPI 3.x",
    ],
    [
      "OpenAPI 4",
      { openapi: "4.0.0" },
      "openapi: 4.0.0\n",
      'openapi: "4.0.0" is not supported: this toolkit reads OpenAPI 3.0 and 3.1',
    ],
    [
      "a number for a version",
      { openapi: 3.1 },
      "openapi: 3.1\n",
      "openapi: 3.1 is not supported: this toolkit reads OpenAPI 3.0 and 3.1",
    ],
  ])("%s", (_name, parsed, text, want) => {
    expect(rootProblem(parsed, text)).toBe(want);
  });
  it.each(["3.0.3", "3.1.0", "3.1"])("accepts openapi: %s", (version) => {
    expect(rootProblem({ openapi: version }, `openapi: ${version}\n`)).toBeUndefined();
  });
});

describe("idFromTitle", () => {
  it.each([
    ["GitHub v3 REST API", "github-v3-rest-api"],
    ["Directus", "directus"],
    ["GitHub's official OpenAPI spec + Octokit extension", "githubs-official-openapi-spec-octokit-extension"],
    ["  Café & Crème: Orders API (v2)  ", "cafe-creme-orders-api-v2"],
    ["3scale Account Management", "3scale-account-management"],
    ["x".repeat(100), "x".repeat(64)],
    [`${"a".repeat(63)} b`, "a".repeat(63)],
  ])("%s → %s", (title, want) => {
    expect(idFromTitle(title)).toBe(want);
  });
  it.each([[""], ["  "], ["接口"], [42], [undefined]])("nothing to name an API after: %s", (title) => {
    expect(idFromTitle(title)).toBeUndefined();
  });
});
