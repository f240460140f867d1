import { describe, expect, it } from "vitest";
import { allCodes, isCode, readErrorBody } from "./error-body.js";
import { readDeclaredShape } from "./declared-shape.js";

/** A shape as a spec declares it. */
const shape = (declared: unknown) => readDeclaredShape(declared).shape!;
const flat = shape({ code: "/errorCode", message: "/errorMessage" });
const problem = shape({ mediaType: "application/problem+json", code: "/code", message: ["/detail", "/title"] });
const envelope = shape({ code: "/error/code", message: "/error/message", innerError: ["innerError", "innererror"] });

describe("readErrorBody", () => {
  const cases: { name: string; given: unknown; shape: typeof flat; want: ReturnType<typeof readErrorBody> }[] = [
    {
      name: "a flat code and message",
      given: { errorCode: "RECORD_NOT_FOUND", errorMessage: "gone" },
      shape: flat,
      want: { code: "RECORD_NOT_FOUND", message: "gone", kind: "code", path: ["errorCode"] },
    },
    {
      name: "the first message path present wins",
      given: { type: "about:blank", title: "Too long", status: 400, code: 30011 },
      shape: problem,
      want: { code: 30011, message: "Too long", kind: "code", path: ["code"] },
    },
    {
      name: "detail before title",
      given: { status: 400, code: 30011, detail: "only detail", title: "t" },
      shape: problem,
      want: { code: 30011, message: "only detail", kind: "code", path: ["code"] },
    },
    {
      name: "an envelope",
      given: { error: { code: "invalidRequest", message: "bad" } },
      shape: envelope,
      want: { code: "invalidRequest", message: "bad", kind: "code", path: ["error", "code"] },
    },
    {
      name: "the deepest inner error with a code",
      given: {
        error: {
          code: "invalidRequest",
          message: "bad",
          innerError: { code: "99901", message: "Invalid input", innerError: { code: "99999", message: "deep" } },
        },
      },
      shape: envelope,
      want: { code: "99999", message: "deep", kind: "innerCode", path: ["error", "innerError", "innerError", "code"] },
    },
    {
      name: "any inner-error member the shape names",
      given: { error: { code: "x", message: "m", innererror: { code: "1", message: "lower-case key" } } },
      shape: envelope,
      want: { code: "1", message: "lower-case key", kind: "innerCode", path: ["error", "innererror", "code"] },
    },
    {
      name: "an inner error without a code",
      given: { error: { code: "x", message: "m", innerError: { message: "no code" } } },
      shape: envelope,
      want: { code: "x", message: "m", kind: "code", path: ["error", "code"] },
    },
    {
      name: "inner errors only where the shape has them",
      given: { error: { code: "x", message: "m", innerError: { code: "1" } } },
      shape: shape({ code: "/error/code", message: "/error/message" }),
      want: { code: "x", message: "m", kind: "code", path: ["error", "code"] },
    },
    { name: "a code the shape does not point at", given: { code: "x" }, shape: flat, want: undefined },
    { name: "text", given: "text", shape: flat, want: undefined },
  ];
  it.each(cases)("$name", ({ given, shape, want }) => {
    expect(readErrorBody(given, shape)).toEqual(want);
  });
  it("reads nothing without a shape", () => {
    expect(readErrorBody({ code: "x" }, undefined)).toBeUndefined();
  });
});

describe("allCodes", () => {
  const cases: { given: unknown; shape: typeof flat; want: ReturnType<typeof allCodes> }[] = [
    { given: { errorCode: "A" }, shape: flat, want: [{ code: "A", path: ["errorCode"] }] },
    {
      given: { error: { code: "x", innerError: { code: "1", innererror: { code: "2" } } } },
      shape: envelope,
      want: [
        { code: "x", path: ["error", "code"] },
        { code: "1", path: ["error", "innerError", "code"] },
        { code: "2", path: ["error", "innerError", "innererror", "code"] },
      ],
    },
    {
      given: { error: { message: "no code", innerError: { code: "1" } } },
      shape: envelope,
      want: [{ code: "1", path: ["error", "innerError", "code"] }],
    },
    { given: ["not", "an", "object"], shape: envelope, want: [] },
  ];
  it.each(cases)("$given", ({ given, shape, want }) => {
    expect(allCodes(given, shape)).toEqual(want);
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
