import type { Exchange } from "../model.js";
import { excerpt, type Hit } from "./rule.js";

/** What a stack trace or an internal path looks like (a heuristic: a warning). */
const LEAKS: [RegExp, string][] = [
  [/\bat [\w$.<>]+ \(?(?:file:\/\/)?\/?[\w./\\-]+:\d+:\d+\)?/, "a JavaScript stack frame"],
  [/Traceback \(most recent call last\)/, "a Python traceback"],
  [/\bat [\w$.]+\([\w]+\.java:\d+\)/, "a Java stack frame"],
  [/\b(?:Exception|Error) in thread "/, "a Java exception"],
  [/(?:^|[\s"'(=])\/(?:home|usr|var|srv|opt|app|tmp)\/[\w.-]+\/[\w./-]+/, "an internal file path"],
  [/\b[A-Z]:\\(?:[\w .-]+\\)+[\w .-]+/, "an internal Windows path"],
  [/node_modules\//, "a node_modules path"],
];

/** A stack trace or an internal path in an error body (heuristic, a warning). Judged on every error response. */
export const errorLeak = {
  id: "error-leak",
  level: "warning" as const,
  check(exchange: Exchange): Hit[] {
    const { status, body } = exchange.response;
    if (status < 400) return [];
    const found = LEAKS.find(([pattern]) => pattern.test(body));
    if (!found) return [];
    const at = body.search(found[0]);
    return [{ message: `the error body shows ${found[1]}`, evidence: excerpt(body.slice(Math.max(0, at - 40)), 200) }];
  },
};
