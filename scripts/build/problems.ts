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

/** Thrown by a build step when its input is wrong; carries every problem found. */
export class BuildFailed extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    this.name = "BuildFailed";
    this.problems = problems;
  }
}

/** `openapi/x.yaml:12:3 error catalog: message`, on one line, path relative to `cwd`. */
export function formatProblem(problem: Problem, cwd = process.cwd()): string {
  const file = path.isAbsolute(problem.file) ? path.relative(cwd, problem.file) || problem.file : problem.file;
  const message = problem.message.replace(/\s*\n\s*/g, " ");
  return `${file}:${problem.line}:${problem.column} ${problem.severity} ${problem.rule}: ${message}`;
}

export function errorsIn(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === "error");
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}
