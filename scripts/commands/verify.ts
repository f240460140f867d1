import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadContract } from "../check/load.js";
import { type Recorded, RecordingRejected, readHar, readNdjson } from "../check/recorded.js";
import { verifyRecorded } from "../check/verify.js";
import { outputOptions, outputUsage, readOutput, report } from "./check.js";
import { bundleArgument, UsageError, type Command } from "./command.js";

export const verifyCommand: Command = {
  name: "verify",
  usage: `error-contracts verify <api | bundle> <file.har | file.ndjson> [options]

  api                  an API of generated/ (messaging, partner, …), or a bundled openapi.yaml
  file.har             recorded traffic: HAR 1.2 (a browser, a proxy, \`error-contracts check --har\`)
  file.ndjson          one { request: { method, url, headers, body }, response: { status, headers, body } } a line
                       (a body: its text, or a JSON value as itself)
${outputUsage}

Every response is judged by check's rules; a request recorded by \`check --har\` is judged as the
trigger it was (so the recording of a run gives the run's findings). Exit codes as check's.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...outputOptions } });
    if (positionals.length !== 2) throw new UsageError("verify takes an API and a recording: verify <api> <file.har>");
    const spec = bundleArgument(positionals.slice(0, 1), "verify");
    const file = path.resolve(positionals[1]!);
    const output = readOutput(values);
    if (!fs.existsSync(file)) throw new UsageError(`${positionals[1]}: no such file`);
    const contract = await loadContract(spec);
    const text = fs.readFileSync(file, "utf8");
    let recorded: Recorded[];
    try {
      recorded = file.endsWith(".ndjson") || file.endsWith(".jsonl") ? readNdjson(text) : readHar(text);
    } catch (error) {
      if (error instanceof RecordingRejected) throw new Error(`${positionals[1]}: ${error.message}`);
      throw error;
    }
    const { unmatched, ...result } = verifyRecorded(contract, recorded, output.only);
    const rel = path.relative(process.cwd(), file);
    const title = `${path.relative(process.cwd(), spec) || spec}, recorded in ${rel}${unmatched ? ` (${unmatched} for no operation of it)` : ""}`;
    return report(io, result, output, { title, contract });
  },
};
