import path from "node:path";
import { buildCatalog, type Catalog } from "../catalog.js";
import type { BuildContext, Bundled } from "../context.js";
import { doNotEdit } from "../../core/do-not-edit.js";
import { InputRejected, sortProblems } from "../../core/problems.js";
import type { StepResult } from "./step.js";
import { count } from "../../core/plural.js";

/** catalog: every family's codes, read from the bundles and checked against the example files on disk → `catalog.json`. */
export function catalog(ctx: BuildContext, { apis }: Bundled, files: Map<string, string>): StepResult<Catalog> {
  // An example that no response lists is a fault of the spec folder: known only when every API is built.
  const examplesDir = path.join(ctx.componentsDir, "examples") + path.sep;
  const exampleFiles = ctx.wholeFolder
    ? [...ctx.components.values()].filter((file) => file.startsWith(examplesDir))
    : [];
  const { catalog: value, problems } = buildCatalog(apis, ctx.components, exampleFiles);
  if (problems.length > 0) throw new InputRejected(sortProblems(problems));
  files.set(
    "catalog.json",
    `${JSON.stringify({ $comment: doNotEdit(ctx.sourceName(ctx.componentsDir), ctx.rebuildCommand), ...value }, null, 2)}\n`,
  );
  const codes = value.families.reduce((n, family) => n + family.errors.length, 0);
  const families = count(value.families.length, "family", "families");
  return { value, summary: `${count(codes, "code", "codes")} in ${families}; catalog.json` };
}
