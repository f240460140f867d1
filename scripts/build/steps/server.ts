import type { Catalog } from "../catalog.js";
import { describeErrors } from "../client.js";
import type { BuildContext, Bundled } from "../context.js";
import { renderServer } from "../server.js";
import { readServerSpec } from "../server-spec.js";
import type { StepResult } from "./step.js";

/**
 * server: each rebuilt API's `server.ts` (the server kit's data and types), only for a project whose
 * package.json depends on `@error-contracts/server`: one that only calls its API gets no file it
 * cannot compile. None for an API whose errors have no shape.
 */
export function server(
  ctx: BuildContext,
  { rebuilt }: Bundled,
  catalog: Catalog,
  files: Map<string, string>,
): StepResult<void> {
  if (!ctx.serverKit)
    return { value: undefined, summary: "none: package.json does not depend on @error-contracts/server" };
  let written = 0;
  for (const api of rebuilt) {
    const family = catalog.families.find((f) => f.apis.includes(api.id) && f.errors.length > 0);
    const spec = readServerSpec(api.id, api.doc, family);
    if (!spec) continue;
    const origin = { source: ctx.sourceName(api.root), command: ctx.rebuildCommand };
    files.set(`${api.id}/server.ts`, renderServer(spec, describeErrors(api.doc).bodySchema, origin));
    written++;
  }
  const skipped = rebuilt.length - written;
  return {
    value: undefined,
    summary: `${written} × server.ts${skipped > 0 ? ` (${skipped} without an error shape)` : ""}`,
  };
}
