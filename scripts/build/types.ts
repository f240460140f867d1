import { createRequire } from "node:module";
import type { OpenAPI3 } from "openapi-typescript";
import type { CatalogFamily } from "./catalog.js";
import { tsHeader } from "../core/do-not-edit.js";
import { pascalCase } from "./names.js";
import { typedBranches } from "./schema-branches.js";

// openapi-typescript's CommonJS build, through require: so its `typescript` (9 MB of CommonJS) loads without the
// scan for named exports and the module-format check that an ESM import makes: 0.5 s off every build that writes types.
const { default: openapiTS, astToString } = createRequire(import.meta.url)(
  "openapi-typescript",
) as typeof import("openapi-typescript");

/** The union of a family's error codes, each in its wire type (30011, "99910"). */
export function codeUnion(family: CatalogFamily): string {
  const codes = family.errors.map((error) => JSON.stringify(error.code));
  return codes.length > 0 ? codes.join(" | ") : "never";
}

/**
 * `generated/<api>/types.ts`: openapi-typescript's types of the bundled API (its "at least one of
 * these members" schemas first made typeable: schema-branches.ts), plus one literal union of error
 * codes for each family the API uses.
 */
export async function renderTypes(
  doc: Record<string, unknown>,
  families: CatalogFamily[],
  source: string,
  command: string,
): Promise<string> {
  const ast = await openapiTS(typedBranches(doc) as unknown as OpenAPI3, { silent: true });
  const unions = families.map(
    (family) =>
      `/** The error codes of the ${family.id} family, from the error catalog. */\nexport type ${pascalCase(family.id)}ErrorCode = ${codeUnion(family)};\n`,
  );
  return [tsHeader(source, command), astToString(ast), ...unions].join("\n");
}
