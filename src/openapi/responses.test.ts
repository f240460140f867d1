import { describe, expect, it } from "vitest";
import {
  contentOf,
  errorResponsesOf,
  errorStatuses,
  headerNames,
  isErrorKey,
  keyCovers,
  mediaTypeBase,
  responsesOf,
  statusClass,
} from "./responses.js";

describe("response keys", () => {
  it.each([
    { key: "200", cls: 2, error: false },
    { key: "2XX", cls: 2, error: false },
    { key: "404", cls: 4, error: true },
    { key: "4xx", cls: 4, error: true },
    { key: "5XX", cls: 5, error: true },
    { key: "default", cls: undefined, error: true },
    { key: "600", cls: undefined, error: false },
    { key: "x-extension", cls: undefined, error: false },
  ])("$key: class $cls, error $error", ({ key, cls, error }) => {
    expect(statusClass(key)).toBe(cls);
    expect(isErrorKey(key)).toBe(error);
  });

  it.each([
    { key: "404", status: 404, want: true },
    { key: "4XX", status: 429, want: true },
    { key: "4xx", status: 429, want: true },
    { key: "4XX", status: 503, want: false },
    { key: "400", status: 404, want: false },
    { key: "default", status: 500, want: false },
  ])("$key covers $status: $want", ({ key, status, want }) => {
    expect(keyCovers(key, status)).toBe(want);
  });
});

const operation = {
  responses: {
    "200": { description: "ok" },
    "404": {
      headers: { "X-MS-Correlation-Id": {}, "Retry-After": {} },
      content: { "application/json": {}, "text/plain": "x" },
    },
    "4XX": { $ref: "#/components/responses/Any" },
    "500": {},
    default: {},
  },
};
const at = ["paths", "/a", "get"];

describe("responses of an operation", () => {
  it("lists every response with its key and path, and the error ones", () => {
    expect(responsesOf(operation, at).map((r) => r.key)).toEqual(["200", "404", "500", "4XX", "default"]);
    expect(errorResponsesOf(operation, at).map((r) => r.path)).toEqual([
      [...at, "responses", "404"],
      [...at, "responses", "500"],
      [...at, "responses", "4XX"],
      [...at, "responses", "default"],
    ]);
  });

  it.each([
    { name: "errorStatuses", got: () => errorStatuses(operation), want: [404, 500] },
    { name: "errorStatuses of no responses", got: () => errorStatuses({}), want: [] },
    {
      name: "headerNames",
      got: () => headerNames(operation.responses["404"]),
      want: ["x-ms-correlation-id", "retry-after"],
    },
    { name: "headerNames of none", got: () => headerNames(undefined), want: [] },
    {
      name: "contentOf (media that are not objects left out)",
      got: () => contentOf(operation.responses["404"], [...at, "responses", "404"]),
      want: [
        { mediaType: "application/json", media: {}, path: [...at, "responses", "404", "content", "application/json"] },
      ],
    },
  ])("$name", ({ got, want }) => {
    expect(got()).toEqual(want);
  });
});

describe("mediaTypeBase", () => {
  it.each([
    { given: "application/json", want: "application/json" },
    { given: "Application/Problem+JSON; charset=utf-8", want: "application/problem+json" },
    { given: " text/plain ;q=1", want: "text/plain" },
  ])("$given", ({ given, want }) => {
    expect(mediaTypeBase(given)).toBe(want);
  });
});
