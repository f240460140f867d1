import { describe, expect, it } from "vitest";
import { formatProblem, sortProblems, type Problem } from "./problems.js";

const problem = (over: Partial<Problem>): Problem => ({
  file: "/r/openapi/a.yaml",
  line: 3,
  column: 5,
  severity: "error",
  rule: "catalog",
  message: "m",
  ...over,
});

describe("formatProblem", () => {
  const cases: { given: Problem; want: string }[] = [
    { given: problem({}), want: "openapi/a.yaml:3:5 error catalog: m" },
    {
      given: problem({ severity: "warning", rule: "oas3-api-servers", message: "two\n   lines" }),
      want: "openapi/a.yaml:3:5 warning oas3-api-servers: two lines",
    },
    { given: problem({ file: "relative.yaml" }), want: "relative.yaml:3:5 error catalog: m" },
  ];
  it.each(cases)("$want", ({ given, want }) => expect(formatProblem(given, "/r")).toBe(want));
});

describe("sortProblems", () => {
  it("orders by file, line, column", () => {
    const given = [
      problem({ file: "/b", line: 1 }),
      problem({ file: "/a", line: 9 }),
      problem({ file: "/a", line: 2, column: 7 }),
      problem({ file: "/a", line: 2, column: 1 }),
    ];
    expect(sortProblems(given).map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      "/a:2:1",
      "/a:2:7",
      "/a:9:5",
      "/b:1:5",
    ]);
  });
});
