import type { Catalog } from "../catalog.js";
import { renderClient } from "../client.js";
import { titleOf, type BuildContext, type Bundled } from "../context.js";
import { renderErrorConstants } from "../errors.js";
import { renderGeneratedReadme } from "../readme.js";
import type { StepResult } from "./step.js";

/** clients: each rebuilt API's `client.ts` and `errors.ts` (its families' catalog as constants), and the output's README. */
export function clients(
  ctx: BuildContext,
  { apis, rebuilt }: Bundled,
  catalog: Catalog,
  files: Map<string, string>,
): StepResult<void> {
  let constants = 0;
  for (const api of rebuilt) {
    // A family without catalogued codes has no constants and no code union.
    const families = catalog.families.filter((family) => family.apis.includes(api.id) && family.errors.length > 0);
    const source = ctx.sourceName(api.root);
    const command = ctx.rebuildCommand;
    files.set(`${api.id}/client.ts`, renderClient(api.id, titleOf(api), families, { source, command }, api.doc));
    if (families.length > 0) files.set(`${api.id}/errors.ts`, renderErrorConstants(families, source, command));
    if (families.length > 0) constants++;
  }
  const titles = apis.map((api) => ({ id: api.id, title: titleOf(api) }));
  files.set("README.md", renderGeneratedReadme(titles, `${ctx.sourceName(ctx.specDir)}/`, ctx.rebuildCommand));
  // Only what was written: an API without a catalog gets no errors.ts.
  const errors = constants === 0 ? "" : constants === rebuilt.length ? ", errors.ts" : `, ${constants} × errors.ts`;
  return { value: undefined, summary: `${rebuilt.length} × client.ts${errors}; README.md` };
}
