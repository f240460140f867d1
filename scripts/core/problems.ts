import path from "node:path";

/** One thing wrong with the input, pinned to a file and line. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  /** Where the problem was found: a Spectral rule id, `bundle`, `catalog`, … */
  rule: string;
  message: string;
}

/** Thrown when the input is wrong; carries every problem found, and what that means for the command. */
export class InputRejected extends Error {
  readonly problems: Problem[];
  /** The closing line: what the command did not do. */
  readonly verdict: string;
  readonly exitCode: number;
  constructor(problems: Problem[], verdict = "build failed: {count}; generated output left as it was", exitCode = 1) {
    const count = countProblems(problems);
    super(count);
    this.name = "InputRejected";
    this.problems = problems;
    this.verdict = verdict.replace("{count}", count);
    this.exitCode = exitCode;
  }
}

const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/**
 * What stops a command, counted apart from what only warns: `49 errors (154 warnings)`, or
 * `2 errors` without warnings.
 */
export function countProblems(problems: readonly Problem[]): string {
  const errors = errorsIn(problems).length;
  const warnings = problems.length - errors;
  return warnings === 0 ? counted(errors, "error") : `${counted(errors, "error")} (${counted(warnings, "warning")})`;
}

/** `openapi/x.yaml:12:3 error catalog: message`, on one line, path relative to `cwd`. */
export function formatProblem(problem: Problem, cwd = process.cwd()): string {
  const file = path.isAbsolute(problem.file) ? path.relative(cwd, problem.file) || problem.file : problem.file;
  const message = problem.message.replace(/\s*\n\s*/g, " ");
  return `${file}:${problem.line}:${problem.column} ${problem.severity} ${problem.rule}: ${message}`;
}

export function errorsIn(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === "error");
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}

/** Prints a failed command's problems, one line each, then its verdict, to stderr (or `err`). */
export function printFailure(error: InputRejected, err: (line: string) => void = (line) => console.error(line)): void {
  for (const problem of error.problems) err(formatProblem(problem));
  err(`error-contracts: ${error.verdict}`);
}
