import { describe, expect, it } from "vitest";
import { arrayAt, entriesOf, isObject, objectAt } from "./json.js";

describe("isObject", () => {
  it.each([
    { given: {}, want: true },
    { given: { a: 1 }, want: true },
    { given: [], want: false },
    { given: null, want: false },
    { given: "text", want: false },
  ])("$given → $want", ({ given, want }) => {
    expect(isObject(given)).toBe(want);
  });
});

describe("entriesOf, objectAt, arrayAt", () => {
  const doc = { a: { b: 1 }, list: [1, 2], text: "t" };
  it.each([
    { name: "entriesOf an object", got: () => entriesOf(doc.a), want: [["b", 1]] },
    { name: "entriesOf an array", got: () => entriesOf(doc.list), want: [] },
    { name: "objectAt an object member", got: () => objectAt(doc, "a"), want: { b: 1 } },
    { name: "objectAt a string member", got: () => objectAt(doc, "text"), want: {} },
    { name: "objectAt of no object", got: () => objectAt(undefined, "a"), want: {} },
    { name: "arrayAt an array member", got: () => arrayAt(doc, "list"), want: [1, 2] },
    { name: "arrayAt an object member", got: () => arrayAt(doc, "a"), want: [] },
  ])("$name", ({ got, want }) => {
    expect(got()).toEqual(want);
  });
});
