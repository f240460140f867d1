/** What a build step returns: its value for later steps, the summary line the build prints, and lines below it. */
export interface StepResult<T> {
  value: T;
  summary: string;
  details?: string[];
}

/** A problem line as the build prints a warning under its step. */
export const warningLine = (w: { file: string; line: number; column: number; rule: string; message: string }) =>
  `  ${w.file}:${w.line}:${w.column} warning ${w.rule}: ${w.message}`;
