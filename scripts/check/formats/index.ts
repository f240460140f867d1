import type { Contract } from "../contract.js";
import type { CheckResult } from "../model.js";
import { placer } from "../place.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";

export const FORMATS = ["text", "json", "junit", "sarif", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

/** A result in one of the formats (`title`: what was checked, against what). */
export function formatResult(
  result: CheckResult,
  format: Format,
  context: { title: string; contract: Contract; failOn: "error" | "warning"; toolVersion: string },
): string {
  switch (format) {
    case "json":
      return formatJson(result);
    case "junit":
      return formatJunit(result, context.failOn);
    case "sarif":
      return formatSarif(result, placer(context.contract), context.toolVersion);
    case "markdown":
      return formatMarkdown(result, context.title);
    default:
      return formatText(result, context.title);
  }
}
