import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Contract } from "../check/contract.js";
import { FORMATS, type Format, formatResult } from "../check/formats/index.js";
import { loadContract } from "../check/load.js";
import type { CheckResult, Exchange } from "../check/model.js";
import { toHar } from "../check/recorded.js";
import { ruleIds } from "../check/rules/index.js";
import { checkApi, DEFAULT_MAX_REQUESTS, DEFAULT_MAX_TIME, DEFAULT_TIMEOUT } from "../check/run.js";
import { NoAnswer } from "../check/send.js";
import { bundleArgument, type Io, toolVersion, UsageError, type Command } from "./command.js";

/**
 * What `--har` writes: the exchanges of a run, kept only when a file is asked for (each holds its
 * bodies); `options` goes to the run, `write` writes them as HAR once it is over.
 */
export function harRecorder(file: string | undefined) {
  const exchanges: Exchange[] = [];
  return {
    options: file ? { onExchange: (exchange: Exchange) => exchanges.push(exchange) } : {},
    write: () => {
      if (file) fs.writeFileSync(file, `${toHar(exchanges, toolVersion())}\n`);
    },
  };
}

/** A whole number option within bounds, or a usage error naming it. */
export function integerOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer ${min}–${max}, not "${value}"`);
  return n;
}

/** The options `check`, `verify` and `proxy` share: what is printed, and what fails. */
export const outputOptions = {
  format: { type: "string" },
  only: { type: "string" },
  "fail-on": { type: "string" },
} as const;

export const outputUsage = `  --format <f>         text (default), json, junit, sarif (at the spec line of each broken response), markdown
  --only <rule,…>      keep only these rules
  --fail-on <level>    error (default) or warning: the lowest level that exits 1`;

/** The shared options read and checked. */
export function readOutput(values: { format?: string; only?: string; "fail-on"?: string }) {
  const format = values.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  const failOn = values["fail-on"] ?? "error";
  if (failOn !== "error" && failOn !== "warning")
    throw new UsageError(`--fail-on must be error or warning, not "${failOn}"`);
  const only = values.only?.split(",").map((r) => r.trim());
  const unknown = only?.filter((id) => !ruleIds.some((r) => r.id === id));
  if (unknown?.length)
    throw new UsageError(`--only: no rule ${unknown.join(", ")} (rules: ${ruleIds.map((r) => r.id).join(", ")})`);
  return { format: format as Format, failOn: failOn as "error" | "warning", ...(only ? { only } : {}) };
}

/** Prints a result in its format; the exit code: 1 when a finding is at `failOn` or above, else 0. */
export function report(
  io: Io,
  result: CheckResult,
  output: ReturnType<typeof readOutput>,
  context: { title: string; contract: Contract },
): number {
  io.out(formatResult(result, output.format, { ...context, failOn: output.failOn, toolVersion: toolVersion() }));
  return result.findings.some((f) => f.level === "error" || output.failOn === "warning") ? 1 : 0;
}

/** An http(s) URL option, or a usage error. */
export function urlOption(name: string, value: string | undefined): string {
  if (!value) throw new UsageError(`--${name} <url> is required`);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new UsageError(`--${name} "${value}" is not a URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new UsageError(`--${name} must be http or https, not ${parsed.protocol}`);
  return value;
}

export const checkCommand: Command = {
  name: "check",
  usage: `error-contracts check <api | bundle> --base-url <url> [options]

  api                  an API of generated/ (messaging, partner, …), or a bundled openapi.yaml
  --base-url <url>     where the API runs, with its base path (http://127.0.0.1:8080/api/v1); nothing else is asked
  --token <t>          a token with full rights (without one, only the 401 triggers run on secured operations)
  --token-low <t>      a token without the rights: 403 on operations that document it
  --allow-writes       also send triggers that could change data if the server wrongly accepted them
  --rate-limit-probe <n>  a burst of at most n requests to provoke a 429 (default 0: none)
  --param <name=value> a real value for a path parameter (repeatable); else read from list operations
  --seed <n>           the seed of generated values (default 1): the same seed, the same requests
  --timeout <ms>       how long one request may take (default ${DEFAULT_TIMEOUT})
  --max-requests <n>   the most requests the run sends (default ${DEFAULT_MAX_REQUESTS})
  --max-time <ms>      how long the run may send requests (default ${DEFAULT_MAX_TIME})
  --har <file>         also write every request and response as HAR, for \`error-contracts verify\`
${outputUsage}

Rules: ${ruleIds.map((r) => r.id).join(", ")} (docs/check-rules.md).
Exit codes: 0 no finding at --fail-on, 1 findings, 2 bad input or an unreachable server.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        "base-url": { type: "string" },
        token: { type: "string" },
        "token-low": { type: "string" },
        "allow-writes": { type: "boolean" },
        "rate-limit-probe": { type: "string" },
        param: { type: "string", multiple: true },
        seed: { type: "string" },
        timeout: { type: "string" },
        "max-requests": { type: "string" },
        "max-time": { type: "string" },
        har: { type: "string" },
        ...outputOptions,
      },
    });
    const spec = bundleArgument(positionals, "check");
    const baseUrl = urlOption("base-url", values["base-url"]);
    const output = readOutput(values);
    const params: Record<string, string> = {};
    for (const pair of values.param ?? []) {
      const at = pair.indexOf("=");
      if (at < 1) throw new UsageError(`--param takes name=value, not "${pair}"`);
      params[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const contract = await loadContract(spec);
    const names = [
      ...new Set(contract.operations.flatMap((op) => [...op.route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!))),
    ];
    for (const name of Object.keys(params)) {
      if (!names.includes(name)) {
        const known = names.length > 0 ? `(${names.join(", ")})` : "(its paths have none)";
        throw new UsageError(`--param ${name}: no path parameter of that name ${known}`);
      }
    }
    const har = harRecorder(values.har);
    let result: CheckResult;
    try {
      result = await checkApi(contract, baseUrl, {
        ...(values.token === undefined ? {} : { token: values.token }),
        ...(values["token-low"] === undefined ? {} : { tokenLow: values["token-low"] }),
        allowWrites: values["allow-writes"] === true,
        rateLimitProbe: integerOption("rate-limit-probe", values["rate-limit-probe"], 0, 0, 10_000),
        seed: integerOption("seed", values.seed, 1, 0, 2 ** 32 - 1),
        timeout: integerOption("timeout", values.timeout, DEFAULT_TIMEOUT, 1, 600_000),
        maxRequests: integerOption("max-requests", values["max-requests"], DEFAULT_MAX_REQUESTS, 1, 100_000),
        maxTime: integerOption("max-time", values["max-time"], DEFAULT_MAX_TIME, 1, 3_600_000),
        params,
        ...(output.only ? { only: output.only } : {}),
        ...har.options,
      });
    } catch (error) {
      if (error instanceof NoAnswer) throw new Error(`the server did not answer: ${error.message}`);
      throw error;
    }
    har.write();
    const title = `${path.relative(process.cwd(), spec) || spec} against ${baseUrl}`;
    return report(io, result, output, { title, contract });
  },
};
