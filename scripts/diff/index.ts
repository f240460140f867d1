import fs from "node:fs";
import path from "node:path";
import type { Config } from "@redocly/openapi-core";
import { bundleApi, type BundledApi } from "../core/bundle.js";
import { InputRejected, errorsIn } from "../core/problems.js";
import { fileApiId, findApiRoots, specFolderOf, type ApiRoot } from "../core/sources.js";
import { compareContracts } from "./compare.js";
import type { ApiDiff } from "./format.js";
import { checkoutAt, gitLocation } from "./git.js";
import { placeFindings } from "./locations.js";

type Json = Record<string, unknown>;

/** Bundles one API root; input that cannot be bundled stops the command (exit 2). */
export async function bundleOrFail(api: ApiRoot, config: Config): Promise<BundledApi> {
  if (!fs.existsSync(api.root)) throw new Error(`${path.relative(process.cwd(), api.root) || api.root}: no such file`);
  const { api: bundled, problems } = await bundleApi(api, config);
  if (!bundled)
    throw new InputRejected(
      errorsIn(problems),
      `stopped: {count} in ${path.relative(process.cwd(), api.root) || api.root}`,
      2,
    );
  if (typeof bundled.doc.openapi !== "string") throw new Error(`${api.root}: not an OpenAPI 3.x description`);
  return bundled;
}

const titleOf = (doc: Json) => String((doc.info as Json | undefined)?.title ?? "");
const routesOf = (doc: Json) => new Set(Object.keys((doc.paths as Json | undefined) ?? {}));

/** Two versions of one API share a title or, renamed, most of their paths. */
export function assertSameApi(base: Json, head: Json, baseName: string, headName: string): void {
  if (titleOf(base) === titleOf(head)) return;
  const [b, h] = [routesOf(base), routesOf(head)];
  const shared = [...b].filter((route) => h.has(route)).length;
  if (shared * 2 >= Math.max(b.size, h.size, 1)) return;
  throw new Error(`${baseName} and ${headName} describe different APIs ("${titleOf(base)}" and "${titleOf(head)}")`);
}

/** Two files of one API; the findings' files are named relative to `relativeTo`. */
export async function diffFiles(
  baseFile: string,
  headFile: string,
  config: Config,
  relativeTo = process.cwd(),
): Promise<ApiDiff> {
  const [base, head] = await Promise.all([
    bundleOrFail({ id: "base", root: path.resolve(baseFile) }, config),
    bundleOrFail({ id: "head", root: path.resolve(headFile) }, config),
  ]);
  assertSameApi(base.doc, head.doc, baseFile, headFile);
  const name = (file: string) => path.relative(relativeTo, file);
  const findings = placeFindings(compareContracts(base.doc, head.doc), { api: base, name }, { api: head, name });
  // Named as the build and `diff --base` name it: its API folder, else its title.
  return { api: fileApiId(path.resolve(headFile), () => titleOf(head.doc)), findings };
}

/** Each API of a spec folder against itself at a git ref. */
export interface BundledPair {
  base: BundledApi;
  head: BundledApi;
}

export async function diffAgainstRef(
  spec: string,
  ref: string,
  config: Config,
): Promise<{ diffs: ApiDiff[]; pairs: BundledPair[]; cleanup(): void }> {
  if (!fs.existsSync(spec)) throw new Error(`${spec}: no such file or folder`);
  // The folder a file's $refs are read from, as the build reads them (its own, for a file outside the layout).
  const specDir = specFolderOf(spec);
  const { top, relative } = await gitLocation(specDir);
  const baseDir = await checkoutAt(top, ref, relative);
  const cleanup = () => fs.rmSync(baseDir, { recursive: true, force: true });
  try {
    const diffs: ApiDiff[] = [];
    const pairs: BundledPair[] = [];
    for (const api of findApiRoots(spec)) {
      const baseRoot = path.join(baseDir, relative, path.relative(specDir, api.root));
      if (!fs.existsSync(baseRoot)) {
        diffs.push({ api: api.id, findings: [] });
        continue;
      }
      const [base, head] = await Promise.all([
        bundleOrFail({ id: api.id, root: baseRoot }, config),
        bundleOrFail(api, config),
      ]);
      const findings = placeFindings(
        compareContracts(base.doc, head.doc),
        // A base file is named as the same file in the working tree: the reader knows no checkout.
        { api: base, name: (file) => path.relative(process.cwd(), path.join(top, path.relative(baseDir, file))) },
        { api: head, name: (file) => path.relative(process.cwd(), file) },
      );
      diffs.push({ api: api.id, findings });
      pairs.push({ base, head });
    }
    return { diffs, pairs, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
