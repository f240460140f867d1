import path from "node:path";
import type { BuildContext, Bundled } from "../context.js";
import { cachedWarnings, type CachePlan } from "../plan.js";
import { InputRejected, errorsIn, sortProblems, type Problem } from "../../core/problems.js";
import { warningLine, type StepResult } from "./step.js";

/** lint: the rebuilt bundles with Spectral (errors stop the build); cached APIs keep their recorded warnings. */
export async function lint(ctx: BuildContext, plan: CachePlan, { rebuilt }: Bundled): Promise<StepResult<Problem[]>> {
  const problems = cachedWarnings(plan, plan.fresh);
  if (rebuilt.length > 0) {
    const { lintBundle, loadLinter, toProblem } = await import("../../core/spectral.js");
    // --force is a cold build: the ruleset is bundled again too.
    const linter = await loadLinter(ctx.options.ruleset, plan.cacheDir, { force: ctx.options.force === true });
    const read = (file: string) => ctx.reader.read(file);
    for (const api of rebuilt) {
      const bundle = `${api.id}/openapi.yaml`;
      // The bundle as Redocly made it, not its YAML parsed again; a copy: Spectral freezes what it resolves.
      const results = await lintBundle(
        linter,
        structuredClone(api.doc),
        path.join(ctx.out, bundle),
        api.root,
        ctx.components,
        read,
      );
      problems.push(...results.filter((r) => r.severity <= 1).map(toProblem));
    }
  }
  const warnings = sortProblems(problems);
  if (errorsIn(warnings).length > 0) throw new InputRejected(warnings);
  return {
    value: warnings,
    summary: `${path.relative(process.cwd(), ctx.options.ruleset)}: 0 errors, ${warnings.length} warnings`,
    details: warnings.map(warningLine),
  };
}
