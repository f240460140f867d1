import { describe, expect, it } from "vitest";
import { isJsonMediaType, readDeclaredShape } from "./declared-shape.js";

describe("readDeclaredShape", () => {
  it("reads every member, pointers as paths", () => {
    const { shape, problems } = readDeclaredShape({
      mediaType: "application/problem+json",
      code: "/error/code",
      codeType: "integer",
      message: ["/error/message", "/title"],
      target: "/error/target",
      details: "/error/details",
      innerError: "innerError",
      correlationHeader: "X-Request-Id",
      correlationId: "/activityId",
      retryAfter: [429, 503],
    });
    expect(problems).toEqual([]);
    expect(shape).toEqual({
      style: "declared",
      mediaType: "application/problem+json",
      code: ["error", "code"],
      codeType: "integer",
      message: [["error", "message"], ["title"]],
      target: ["error", "target"],
      details: ["error", "details"],
      innerError: ["innerError"],
      correlationHeader: "x-request-id",
      correlationId: ["activityId"],
      retryAfter: [429, 503],
    });
  });
  it("defaults to JSON and string codes", () => {
    expect(readDeclaredShape({ code: "/a~1b" }).shape).toMatchObject({
      mediaType: "application/json",
      codeType: "string",
      code: ["a/b"],
      message: [],
      innerError: [],
      retryAfter: [],
    });
  });
  const bad: { given: unknown; want: string }[] = [
    { given: "x", want: "`x-error-shape` must be an object." },
    { given: {}, want: "`x-error-shape` must declare `code`." },
    { given: { code: "error.code" }, want: "`x-error-shape.code` must be a JSON pointer into the body" },
    { given: { code: "/c", mediaType: "text/xml" }, want: "`x-error-shape.mediaType` must be a JSON media type" },
    { given: { code: "/c", codeType: "number" }, want: "`x-error-shape.codeType` must be `string` or `integer`." },
    { given: { code: "/c", retryAfter: [200] }, want: "`x-error-shape.retryAfter` must list HTTP error statuses" },
    { given: { code: "/c", innerError: [1] }, want: "`x-error-shape.innerError` must be a member name" },
    { given: { code: "/c", colour: "red" }, want: "`x-error-shape` has no member `colour`." },
  ];
  it.each(bad)("$given: $want", ({ given, want }) => {
    expect(
      readDeclaredShape(given)
        .problems.map((p) => p.message)
        .join("\n"),
    ).toContain(want);
  });
});

describe("isJsonMediaType", () => {
  it.each([
    ["application/json", true],
    ["application/problem+json; charset=utf-8", true],
    ["application/vnd.api+json", true],
    ["application/xml", false],
    ["*/*", false],
    ["text/json", false],
  ])("%s → %s", (given, want) => {
    expect(isJsonMediaType(given)).toBe(want);
  });
});
