import type { Catalog } from "../catalog.js";
import type { BuildContext, Bundled } from "../context.js";
import type { StepResult } from "./step.js";

/** types: each rebuilt API's `types.ts` (openapi-typescript, plus its families' code unions). */
export async function types(
  ctx: BuildContext,
  { rebuilt }: Bundled,
  catalog: Catalog,
  files: Map<string, string>,
): Promise<StepResult<void>> {
  const { renderTypes } = await import("../types.js");
  for (const api of rebuilt) {
    // A family without catalogued codes has no code union.
    const families = catalog.families.filter((family) => family.apis.includes(api.id) && family.errors.length > 0);
    files.set(`${api.id}/types.ts`, await renderTypes(api.doc, families, ctx.sourceName(api.root), ctx.rebuildCommand));
  }
  return { value: undefined, summary: `${rebuilt.length} × types.ts (openapi-typescript)` };
}
