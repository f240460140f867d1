import { describe, expect, it } from "vitest";
import { removed, splice } from "./splice.js";

describe("splice", () => {
  const text = "0123456789";
  it("makes edits given in any order, in one pass", () => {
    const edits = [
      { start: 7, end: 9, text: "b" },
      { start: 0, end: 0, text: ">" },
      { start: 2, end: 4, text: "a" },
    ];
    expect(splice(text, edits).join("")).toBe(">01a456b9");
  });
  it("drops an edit inside a range another replaces: the same edit twice, an insertion into removed text", () => {
    const clear = { start: 2, end: 8, text: "-" };
    expect(splice(text, [clear, { ...clear }, { start: 3, end: 3, text: "x" }]).join("")).toBe("01-89");
  });
  it("keeps an insertion where a replaced range ends", () => {
    expect(
      splice(text, [
        { start: 2, end: 5, text: "-" },
        { start: 5, end: 5, text: "+" },
      ]).join(""),
    ).toBe("01-+56789");
  });
  it("throws on edits that overlap in part", () => {
    expect(() =>
      splice(text, [
        { start: 2, end: 5, text: "" },
        { start: 4, end: 6, text: "" },
      ]),
    ).toThrow(/overlap/);
  });
  it("gives a range of the text, with the edits inside it", () => {
    const edits = [
      { start: 1, end: 2, text: "a" },
      { start: 4, end: 4, text: "+" },
      { start: 8, end: 9, text: "b" },
    ];
    expect(splice(text, edits, 3, 7).join("")).toBe("3+456");
    expect(() => splice(text, [{ start: 2, end: 5, text: "" }], 3, 7)).toThrow(/crosses/);
  });
  it("tells whether a range was removed", () => {
    const edits = [
      { start: 2, end: 8, text: "-" },
      { start: 9, end: 9, text: "+" },
    ];
    expect(removed(edits, 3, 5)).toBe(true);
    expect(removed(edits, 1, 5)).toBe(false);
    expect(removed(edits, 9, 9)).toBe(false);
  });
});
