/** What a build step returns: its value for later steps, the summary line the build prints, and lines below it. */
export interface StepResult<T> {
  value: T;
  summary: string;
  details?: string[];
}

import { formatProblem, type Problem } from "../../core/problems.js";

/** A problem line as the build prints a warning under its step: as an error's, its file relative to here. */
export const warningLine = (warning: Problem) => `  ${formatProblem(warning)}`;
