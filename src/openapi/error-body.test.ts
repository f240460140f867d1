import { describe, expect, it } from "vitest";
import { allCodes, isCode, readErrorBody } from "./error-body.js";

describe("readErrorBody", () => {
  const cases: { given: unknown; want: ReturnType<typeof readErrorBody> }[] = [
    {
      given: { errorCode: "RECORD_NOT_FOUND", errorMessage: "gone" },
      want: { code: "RECORD_NOT_FOUND", message: "gone", kind: "code", path: ["errorCode"] },
    },
    {
      given: { type: "about:blank", title: "Too long", status: 400, code: 30011 },
      want: { code: 30011, message: "Too long", kind: "code", path: ["code"] },
    },
    {
      given: { status: 400, code: 30011, detail: "only detail" },
      want: { code: 30011, message: "only detail", kind: "code", path: ["code"] },
    },
    {
      given: { error: { code: "invalidRequest", message: "bad" } },
      want: { code: "invalidRequest", message: "bad", kind: "code", path: ["error", "code"] },
    },
    {
      given: {
        error: {
          code: "invalidRequest",
          message: "bad",
          innerError: { code: "99901", message: "Invalid input", innerError: { code: "99999", message: "deep" } },
        },
      },
      want: { code: "99999", message: "deep", kind: "innerCode", path: ["error", "innerError", "innerError", "code"] },
    },
    {
      given: { error: { code: "x", message: "m", innererror: { code: "1", message: "lower-case key" } } },
      want: { code: "1", message: "lower-case key", kind: "innerCode", path: ["error", "innererror", "code"] },
    },
    {
      given: { error: { code: "x", message: "m", innerError: { message: "no code" } } },
      want: { code: "x", message: "m", kind: "code", path: ["error", "code"] },
    },
    { given: "text", want: undefined },
    { given: { unrelated: true }, want: undefined },
  ];
  it.each(cases)("$given", ({ given, want }) => {
    expect(readErrorBody(given)).toEqual(want);
  });
});

describe("allCodes", () => {
  const cases: { given: unknown; want: ReturnType<typeof allCodes> }[] = [
    { given: { errorCode: "A" }, want: [{ code: "A", path: ["errorCode"] }] },
    {
      given: { error: { code: "x", innerError: { code: "1", innererror: { code: "2" } } } },
      want: [
        { code: "x", path: ["error", "code"] },
        { code: "1", path: ["error", "innerError", "code"] },
        { code: "2", path: ["error", "innerError", "innererror", "code"] },
      ],
    },
    {
      given: { error: { message: "no code", innerError: { code: "1" } } },
      want: [{ code: "1", path: ["error", "innerError", "code"] }],
    },
    { given: ["not", "an", "object"], want: [] },
  ];
  it.each(cases)("$given", ({ given, want }) => {
    expect(allCodes(given)).toEqual(want);
  });
});

describe("isCode", () => {
  it.each([
    { given: "E1", want: true },
    { given: 30011, want: true },
    { given: null, want: false },
    { given: { code: 1 }, want: false },
  ])("$given → $want", ({ given, want }) => {
    expect(isCode(given)).toBe(want);
  });
});
