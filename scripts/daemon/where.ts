import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  filesBelow,
  hashAll,
  packageVersion,
  spectralPackages,
  toolkitCode,
  toolkitRoot,
  toolPackages,
} from "../core/cache.js";

/** The command line that starts a daemon (`error-contracts daemon run`), from the toolkit's own bin. */
export const daemonCommand = [path.join(toolkitRoot, "bin", "error-contracts.js"), "daemon", "run"];

/**
 * Whether `build` goes through the daemon: not with `--no-daemon`, not with ERROR_CONTRACTS_DAEMON=off (or 0,
 * false), and not in CI (the CI variable set) unless ERROR_CONTRACTS_DAEMON=on: a CI job builds once.
 */
export function daemonWanted(noDaemon: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (noDaemon) return false;
  const setting = env.ERROR_CONTRACTS_DAEMON?.toLowerCase();
  if (setting === "off" || setting === "0" || setting === "false") return false;
  if (setting === "on" || setting === "1" || setting === "true") return true;
  return env.CI === undefined || env.CI === "" || env.CI === "false" || env.CI === "0";
}

/**
 * Where this toolkit's daemon listens: a socket in a folder only this user may enter
 * (`<tmp>/error-contracts-<uid>/`, or ERROR_CONTRACTS_DAEMON_DIR), named after the toolkit's folder, so that
 * each installed toolkit has its own. Undefined where the folder is not this user's own (another user made it,
 * or it is a link), and on Windows (a named pipe has no such folder to keep other users out, and the daemon is
 * not tested there): no daemon then.
 */
export function socketPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (process.platform === "win32") return undefined;
  const name = `error-contracts-${createHash("sha256").update(toolkitRoot).digest("hex").slice(0, 16)}`;
  const uid = process.getuid?.() ?? 0;
  const dir = env.ERROR_CONTRACTS_DAEMON_DIR ?? path.join(os.tmpdir(), `error-contracts-${uid}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || stat.uid !== uid || (stat.mode & 0o077) !== 0) return undefined;
  } catch {
    return undefined;
  }
  return path.join(dir, `${name}.sock`);
}

/** Packages of the tools that the toolkit patches where they are loaded (`core/dep-graph.ts`, `core/modern-nimma.ts`). */
const patched = ["dependency-graph", "nimma"];

/**
 * What a daemon must have been started with to build as this command would: every file of the toolkit's own code
 * that a build runs (`bin/`, `scripts/`, the OpenAPI model in `src/`, the ruleset's functions: the folders the
 * build's cache key hashes, and the command's entry), its package.json (which pins its dependencies), the versions
 * of the tools and of the packages it patches, Node. A client whose key differs stops the daemon and builds itself.
 */
export function daemonKey(root = toolkitRoot): string {
  const manifest = [path.join(root, "package.json")].filter((file) => fs.existsSync(file));
  const code = [...filesBelow(path.join(root, "bin")), ...toolkitCode(root)];
  return hashAll(
    [...manifest, ...code],
    [
      root,
      process.execPath,
      process.version,
      ...[...new Set([...toolPackages, ...spectralPackages, ...patched])].map(
        (name) => `${name}@${packageVersion(name)}`,
      ),
    ],
  );
}
