import { bundleApi, loadRedoclyConfig } from "../../core/bundle.js";
import { toYaml } from "../../core/yaml.js";
import type { BuildContext, Bundled } from "../context.js";
import { yamlHeader } from "../../core/do-not-edit.js";
import { cachedApi, type CachePlan } from "../plan.js";
import { InputRejected, errorsIn, sortProblems } from "../../core/problems.js";
import type { StepResult } from "./step.js";

/**
 * bundle: each changed API once, with Redocly, through the build's reader → `<api>/openapi.yaml`,
 * the one file every later step reads. The other APIs come from the cache.
 */
export async function bundle(
  ctx: BuildContext,
  plan: CachePlan,
  files: Map<string, string>,
): Promise<StepResult<Bundled>> {
  const redocly = await loadRedoclyConfig(ctx.options.redoclyConfig);
  const results = await Promise.all(plan.stale.map((root) => bundleApi(root, redocly, ctx.reader)));
  const problems = results.flatMap((r) => r.problems);
  if (errorsIn(problems).length > 0) throw new InputRejected(sortProblems(problems));
  const rebuilt = results.map((r) => r.api!);
  for (const api of rebuilt)
    files.set(`${api.id}/openapi.yaml`, yamlHeader(ctx.sourceName(api.root), ctx.rebuildCommand) + toYaml(api.doc));
  const apis = ctx.roots
    .map((root) => rebuilt.find((api) => api.id === root.id) ?? cachedApi(plan, root))
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    value: { apis, rebuilt },
    summary: `${rebuilt.length} API${rebuilt.length === 1 ? "" : "s"}: ${rebuilt.map((a) => a.id).join(", ")}`,
  };
}
