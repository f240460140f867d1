import type { DocsRenderer } from "../../docs/index.js";
import type { Catalog } from "../catalog.js";
import type { BuildContext, Bundled } from "../context.js";
import { typedBranches } from "../schema-branches.js";
import type { StepResult } from "./step.js";

/** The module whose `openapiTypes` the docs' rendering process runs for `typesAhead`. */
const openapiTypesModule = new URL("../openapi-typescript.js", import.meta.url).href;

/**
 * Each rebuilt API's openapi-typescript text, asked now of the docs' rendering process, which makes it once
 * the pages asked for before are done: on the core it would then leave idle while lint keeps this process
 * busy. Where it fails (the process gone, openapi-typescript throwing), the types step makes it here, which
 * says what is wrong as a build without the process would.
 */
export function typesAhead(renderer: DocsRenderer, { rebuilt }: Bundled): Map<string, Promise<string | undefined>> {
  return new Map(
    rebuilt.map((api) => {
      const made = renderer
        .call<string>(openapiTypesModule, "openapiTypes", [typedBranches(api.doc)])
        .catch((error) => {
          if (process.env.DEBUG) console.error(`error-contracts: types of ${api.id} made here: ${error.message}`);
          return undefined;
        });
      return [api.id, made];
    }),
  );
}

/** types: each rebuilt API's `types.ts` (openapi-typescript, plus its families' code unions). */
export async function types(
  ctx: BuildContext,
  { rebuilt }: Bundled,
  catalog: Catalog,
  files: Map<string, string>,
  ahead?: Map<string, Promise<string | undefined>>,
): Promise<StepResult<void>> {
  const { renderTypes } = await import("../types.js");
  for (const api of rebuilt) {
    // A family without catalogued codes has no code union.
    const families = catalog.families.filter((family) => family.apis.includes(api.id) && family.errors.length > 0);
    const made = await ahead?.get(api.id);
    files.set(
      `${api.id}/types.ts`,
      await renderTypes(api.doc, families, ctx.sourceName(api.root), ctx.rebuildCommand, made),
    );
  }
  return { value: undefined, summary: `${rebuilt.length} × types.ts (openapi-typescript)` };
}
