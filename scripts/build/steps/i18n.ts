import path from "node:path";
import type { Catalog } from "../catalog.js";
import type { BuildContext, Bundled } from "../context.js";
import { planEditions, type EditionPlan } from "../../docs/index.js";
import { InputRejected, sortProblems } from "../../core/problems.js";
import type { StepResult } from "./step.js";

/** i18n: every translation checked (the invariance rule stops the build) and each edition's texts planned. */
export function i18n(ctx: BuildContext, { apis }: Bundled, catalog: Catalog): StepResult<EditionPlan> {
  const plan = planEditions(apis, catalog, ctx.components, path.join(ctx.specDir, "i18n"), ctx.sourceName);
  if (plan.problems.length > 0) throw new InputRejected(sortProblems(plan.problems));
  return { value: plan, summary: plan.summary, details: plan.details };
}
