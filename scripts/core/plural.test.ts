import { describe, expect, it } from "vitest";
import { count } from "./plural.js";

describe("count", () => {
  it.each([
    [0, "0 codes"],
    [1, "1 code"],
    [2, "2 codes"],
  ])("%i → %s", (n, want) => {
    expect(count(n, "code", "codes")).toBe(want);
  });
});
