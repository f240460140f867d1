import fs from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { idFromTitle } from "../core/root.js";
import { describableStatuses, type ScaffoldOptions, scaffold, scripts } from "../init/scaffold.js";
import { isStyle, type Style, styles } from "../init/styles.js";
import { type Command, type Io, UsageError } from "./command.js";

const API_ID = /^[a-z][a-z0-9-]*[a-z0-9]$|^[a-z]$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The answers: from flags, else (with a terminal) from prompts, else the defaults. */
async function answers(dir: string, values: Record<string, string | boolean | undefined>, io: Io) {
  // The folder's name as the build makes an id of a title (`Café API` → `cafe-api`).
  const folder = idFromTitle(path.basename(path.resolve(dir)));
  const defaults = {
    api: folder && API_ID.test(folder) ? folder : "my-api",
    style: "problem",
    code: "NOT_FOUND",
    status: "404",
    message: "The thing does not exist.",
  };
  const interactive = process.stdin.isTTY === true && values.yes !== true;
  const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const ask = async (key: keyof typeof defaults, question: string) => {
    const given = values[key];
    if (typeof given === "string") return given;
    if (!prompt) return defaults[key];
    return (await prompt.question(`${question} (${defaults[key]}): `)).trim() || defaults[key];
  };
  try {
    const api = await ask("api", "API id (lower case letters, digits and hyphens)");
    const styleList = Object.entries(styles).map(([id, s]) => `${id}: ${s.summary}`);
    if (prompt && typeof values.style !== "string") io.out(`error shapes:\n  ${styleList.join("\n  ")}`);
    const style = await ask("style", "error shape");
    const code = await ask("code", "a first error code");
    const status = await ask("status", `its HTTP status`);
    const message = await ask("message", "its message");
    const title = typeof values.title === "string" ? values.title : `${api} API`;
    return { api, style, code, status, message, title };
  } finally {
    prompt?.close();
  }
}

/** The answers checked: each bad one is a usage error naming the flag. */
function checked(raw: Awaited<ReturnType<typeof answers>>): ScaffoldOptions {
  if (!API_ID.test(raw.api)) {
    throw new UsageError(
      `--api must be lower case letters, digits and hyphens, starting with a letter, not "${raw.api}"`,
    );
  }
  if (!isStyle(raw.style))
    throw new UsageError(`--style must be one of ${Object.keys(styles).join(", ")}, not "${raw.style}"`);
  if (!CODE.test(raw.code)) {
    throw new UsageError(`--code must be letters, digits, _ . or -, like NOT_FOUND or 30011, not "${raw.code}"`);
  }
  const status = Number(raw.status);
  if (!/^\d{3}$/.test(raw.status) || !describableStatuses.includes(status) || status < 400) {
    const known = describableStatuses.filter((s) => s >= 400).join(", ");
    throw new UsageError(`--status must be one of ${known}, not "${raw.status}"`);
  }
  if (!raw.message.trim()) throw new UsageError("--message must not be empty");
  return {
    api: raw.api,
    title: raw.title,
    style: raw.style as Style,
    code: { code: raw.code, status, title: raw.message },
  };
}

export const initCommand: Command = {
  name: "init",
  usage: `error-contracts init [dir] [--api <id>] [--style problem|envelope|flat] [--code <CODE>]
                     [--status <n>] [--message <text>] [--title <text>] [--yes]

  dir               where to scaffold (default: here); files that exist are never overwritten
  --api <id>        the API's id, lower case letters, digits and hyphens (default: the folder's name)
  --style <style>   the error shape: problem (RFC 9457 problem details, application/problem+json),
                    envelope ({ "error": { code, message, target, innerError } }), flat ({ code, message })
  --code <CODE>     a first catalogued error code (default NOT_FOUND), --status its HTTP status
                    (default 404), --message its message
  --title <text>    the API's title (default: "<api> API")
  --yes             ask nothing; without a terminal nothing is asked anyway

Then: npm install --save-dev error-contracts && npm run build`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        api: { type: "string" },
        style: { type: "string" },
        code: { type: "string" },
        status: { type: "string" },
        message: { type: "string" },
        title: { type: "string" },
        yes: { type: "boolean" },
      },
    });
    if (positionals.length > 1) throw new UsageError("init takes one folder");
    const dir = path.resolve(positionals[0] ?? ".");
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`${positionals[0]}: not a folder`);
    const options = checked(await answers(dir, values, io));
    const files = scaffold(options);
    const { "package.json": manifest, ...rest } = files;
    const taken = Object.keys(rest).filter((file) => fs.existsSync(path.join(dir, file)));
    if (taken.length > 0) {
      const where = path.relative(process.cwd(), path.join(dir, taken[0]!)) || taken[0];
      throw new UsageError(
        `${where} exists: init writes only new files (${taken.length} of them exist); nothing written`,
      );
    }
    const packageFile = path.join(dir, "package.json");
    const added = fs.existsSync(packageFile) ? addScripts(packageFile, scripts(options)) : undefined;
    for (const [file, text] of Object.entries(added === undefined ? files : rest)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text, { flag: "wx" });
    }
    const shown = path.relative(process.cwd(), dir) || ".";
    io.out(`init     ${options.api}: ${Object.keys(rest).length + (added === undefined ? 1 : 0)} files in ${shown}`);
    if (added !== undefined) {
      const what = [...(added.scripts.length > 0 ? [`the scripts ${added.scripts.join(", ")}`] : []), ...added.notes];
      io.out(`         package.json: ${what.length > 0 ? `added ${what.join("; ")}` : "all its scripts were there"}`);
    }
    io.out(
      `         error shape: ${styles[options.style].summary}; code ${options.code.code} (${options.code.status})`,
    );
    const cd = shown === "." ? "" : `cd ${shown} && `;
    const installed = fs.existsSync(path.join(dir, "node_modules", "error-contracts"));
    const install =
      "install error-contracts (a dev dependency) and @error-contracts/runtime (the clients need it), then ";
    io.out(`next:    ${cd}${installed ? "" : install}npm run build && npm run mock`);
    return 0;
  },
};

/** What a package.json had to have added: scripts, and `"type": "module"` where it says nothing. */
interface Added {
  scripts: string[];
  notes: string[];
}

/**
 * Adds the scripts a package.json lacks, keeping the file's own. A manifest that names no `type`
 * and no entry point (`main`, `exports`, `bin`: a project that `npm install` has only just made) is
 * made `"type": "module"`, since the generated client is an ES module; one with an entry point is
 * left as it is.
 */
function addScripts(file: string, wanted: Record<string, string>): Added {
  let manifest: { scripts?: Record<string, string>; type?: string; main?: unknown; exports?: unknown; bin?: unknown };
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`${file}: not JSON (${(error as Error).message}); nothing written`);
  }
  const have = manifest.scripts ?? {};
  const scripts = Object.keys(wanted).filter((name) => !(name in have));
  const notes: string[] = [];
  const fresh = manifest.type === undefined && !manifest.main && !manifest.exports && !manifest.bin;
  if (fresh) notes.push('"type": "module" (the generated client is an ES module)');
  if (scripts.length === 0 && !fresh) return { scripts, notes };
  manifest.scripts = { ...have, ...Object.fromEntries(scripts.map((name) => [name, wanted[name]!])) };
  const updated = fresh ? { ...manifest, type: "module" } : manifest;
  fs.writeFileSync(file, `${JSON.stringify(updated, null, 2)}\n`);
  return { scripts, notes };
}
