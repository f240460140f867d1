import { describe, expect, it } from "vitest";
import { InputRejected, countProblems, formatProblem, sortProblems, type Problem } from "./problems.js";

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

describe("countProblems: what stops a command, apart from what only warns", () => {
  const errors = (n: number) => Array.from({ length: n }, () => problem({}));
  const warnings = (n: number) => Array.from({ length: n }, () => problem({ severity: "warning" }));
  const cases: { given: Problem[]; want: string }[] = [
    { given: errors(1), want: "1 error" },
    { given: errors(2), want: "2 errors" },
    { given: [...warnings(154), ...errors(49)], want: "49 errors (154 warnings)" },
    { given: [...errors(1), ...warnings(1)], want: "1 error (1 warning)" },
    { given: warnings(3), want: "0 errors (3 warnings)" },
  ];
  it.each(cases)("$want", ({ given, want }) => expect(countProblems(given)).toBe(want));

  it("is the count in a rejection's verdict and message", () => {
    const rejected = new InputRejected([...errors(2), ...warnings(3)]);
    expect(rejected.verdict).toBe("build failed: 2 errors (3 warnings); generated output left as it was");
    expect(rejected.message).toBe("2 errors (3 warnings)");
    expect(new InputRejected(errors(1), "lint stopped: {count} in x.yaml", 2).verdict).toBe(
      "lint stopped: 1 error in x.yaml",
    );
  });
});
