import type { CatalogFamily } from "./catalog.js";
import { tsHeader } from "./header.js";
import { camelCase, pascalCase } from "./names.js";

/** `generated/<api>/client.ts`: a thin typed openapi-fetch client of one API. */
export function renderClient(apiId: string, title: string, families: CatalogFamily[], source: string): string {
  const name = pascalCase(apiId);
  const exports = families.flatMap((f) => [`${camelCase(f.id)}Errors`]);
  return [
    tsHeader(source),
    'import createClient, { type ClientOptions } from "openapi-fetch";',
    'import type { paths } from "./types.js";',
    "",
    'export type { components, operations, paths } from "./types.js";',
    ...(families.length > 0 ? [`export type { ${families.map((f) => `${pascalCase(f.id)}ErrorCode`).join(", ")} } from "./types.js";`] : []),
    ...(exports.length > 0 ? [`export { ${exports.join(", ")} } from "./errors.js";`] : []),
    "",
    `/** A typed client of the ${title.replace(/\*\//g, "")}, built on openapi-fetch. */`,
    `export function create${name}Client(options: ClientOptions = {}) {`,
    "  return createClient<paths>(options);",
    "}",
    "",
  ].join("\n");
}
