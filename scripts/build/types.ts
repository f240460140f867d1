import type { CatalogFamily } from "./catalog.js";
import { tsHeader } from "../core/do-not-edit.js";
import { pascalCase } from "./names.js";
import { openapiTypes } from "./openapi-typescript.js";
import { typedBranches } from "./schema-branches.js";

/** The union of a family's error codes, each in its wire type (30011, "99910"). */
export function codeUnion(family: CatalogFamily): string {
  const codes = family.errors.map((error) => JSON.stringify(error.code));
  return codes.length > 0 ? codes.join(" | ") : "never";
}

/**
 * What openapi-typescript makes of the bundled API, its "at least one of these members" schemas first made
 * typeable (schema-branches.ts): given to `renderTypes` where another process made it (`typesAhead`).
 */
export const openapiText = (doc: Record<string, unknown>): Promise<string> => openapiTypes(typedBranches(doc));

/**
 * `generated/<api>/types.ts`: openapi-typescript's types of the bundled API (`openapiText`, or `made` if
 * another process made them), plus one literal union of error codes for each family the API uses.
 */
export async function renderTypes(
  doc: Record<string, unknown>,
  families: CatalogFamily[],
  source: string,
  command: string,
  made?: string,
): Promise<string> {
  const text = made ?? (await openapiText(doc));
  const unions = families.map(
    (family) =>
      `/** The error codes of the ${family.id} family, from the error catalog. */\nexport type ${pascalCase(family.id)}ErrorCode = ${codeUnion(family)};\n`,
  );
  return [tsHeader(source, command), text, ...unions].join("\n");
}
