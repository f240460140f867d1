import fs from "node:fs";
import path from "node:path";
import { take } from "../../core/claim.js";
import type { DocsRenderer } from "../../docs/index.js";
import type { Catalog } from "../catalog.js";
import type { BuildContext, Bundled } from "../context.js";
import { typedBranches } from "../schema-branches.js";
import type { StepResult } from "./step.js";

/** The module whose `openapiTypes` the docs' rendering process runs for `typesAhead`. */
export const openapiTypesModule = new URL("../openapi-typescript.js", import.meta.url).href;

/** Each rebuilt API's openapi-typescript text, asked of the docs' rendering process (`typesAhead`). */
export interface TypesAhead {
  /**
   * Each API's text, where the rendering process took the types first; `undefined` where this process takes
   * them first (the rendering process then skips them all): they are made here. Call it once.
   */
  take(): Map<string, Promise<string | undefined>> | undefined;
  /** Removes the claim (it never throws); call it once the types step is done, or the build failed. */
  close(): void;
}

/**
 * Each rebuilt API's openapi-typescript text, asked now of the docs' rendering process, which makes them once
 * the pages asked for before are done: on the core it would then leave idle while lint keeps this process busy.
 * The types are made by whichever process takes them first (one claim file for all, `take`: each process
 * that makes types loads openapi-typescript, which is most of their time). An API the rendering process fails
 * (gone, openapi-typescript throwing) is made here, which says what is wrong as a build without it would.
 * The claim lives in a folder of its own in `staging` (the build's staging folder, which a crashed build's
 * successor removes); `close` removes that folder, after which the rendering process can take nothing.
 */
export function typesAhead(renderer: DocsRenderer, { rebuilt }: Bundled, staging: string): TypesAhead {
  const folder = fs.mkdtempSync(path.join(staging, ".types-claim-"));
  const claim = path.join(folder, "types");
  const made = new Map(
    rebuilt.map((api) => {
      const text = renderer
        .call<string>(openapiTypesModule, "openapiTypes", [typedBranches(api.doc)], { claim })
        .catch((error) => {
          if (process.env.DEBUG) console.error(`error-contracts: types of ${api.id} made here: ${error.message}`);
          return undefined;
        });
      return [api.id, text];
    }),
  );
  return {
    take: () => (take(claim) ? undefined : made),
    close() {
      // Moved aside first: from then on the rendering process's claims fail (no folder), none lands in it while
      // it is removed.
      const aside = `${folder}.done`;
      try {
        fs.renameSync(folder, aside);
      } catch {
        // removed already
      }
      for (const left of [aside, folder]) {
        try {
          fs.rmSync(left, { recursive: true, force: true, maxRetries: 3 });
        } catch {
          // the staging folder it is in goes too: with this build's output, or with the failed build
        }
      }
    },
  };
}

/** types: each rebuilt API's `types.ts` (openapi-typescript, plus its families' code unions). */
export async function types(
  ctx: BuildContext,
  { rebuilt }: Bundled,
  catalog: Catalog,
  files: Map<string, string>,
  ahead?: TypesAhead,
): Promise<StepResult<void>> {
  const { renderTypes } = await import("../types.js");
  const made = ahead?.take();
  try {
    for (const api of rebuilt) {
      // A family without catalogued codes has no code union.
      const families = catalog.families.filter((family) => family.apis.includes(api.id) && family.errors.length > 0);
      const text = await made?.get(api.id);
      files.set(
        `${api.id}/types.ts`,
        await renderTypes(api.doc, families, ctx.sourceName(api.root), ctx.rebuildCommand, text),
      );
    }
  } finally {
    ahead?.close();
  }
  return { value: undefined, summary: `${rebuilt.length} × types.ts (openapi-typescript)` };
}
