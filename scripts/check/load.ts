import path from "node:path";
import { InputRejected } from "../core/problems.js";
import { SourceReader, UnreadableFile } from "../core/read.js";
import { parseSource } from "../core/spectral-source.js";
import { isObject } from "../../src/openapi/index.js";
import { Contract } from "./contract.js";

/** A bundled API read within the toolkit's limits; a file that is not one is one line naming it (exit 2). */
export async function loadContract(file: string): Promise<Contract> {
  const absolute = path.resolve(file);
  const reject = (why: string, line = 1, column = 1): never => {
    throw new InputRejected(
      [{ file: absolute, line, column, severity: "error", rule: "check", message: why }],
      "check did not run: {count}",
      2,
    );
  };
  let text = "";
  try {
    text = new SourceReader().read(absolute);
  } catch (error) {
    if (error instanceof UnreadableFile) reject(error.reason, error.line, error.column);
    reject((error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message);
  }
  const parsed = await parseSource(absolute, text);
  if ("why" in parsed) return reject(parsed.why, parsed.line, parsed.column);
  if (!isObject(parsed.data) || !isObject(parsed.data.paths)) return reject("not an OpenAPI document with paths");
  return new Contract(parsed.data, absolute);
}
