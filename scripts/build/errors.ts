import type { CatalogFamily } from "./catalog.js";
import { tsHeader } from "../core/do-not-edit.js";
import { camelCase, pascalCase } from "./names.js";

function key(code: string | number): string {
  return typeof code === "number" ? String(code) : JSON.stringify(code);
}

/** `generated/<api>/errors.ts`: each family's catalog as an `as const` object keyed by code. */
export function renderErrorConstants(families: CatalogFamily[], source: string, command: string): string {
  const lines = [
    tsHeader(source, command),
    `import type { ${families.map((f) => `${pascalCase(f.id)}ErrorCode`).join(", ")} } from "./types.js";`,
    "",
    "/** What the error catalog says of one code. */",
    "export interface ErrorCatalogEntry {",
    "  readonly status: number;",
    "  readonly message: string;",
    "  readonly description: string;",
    "  readonly retryable: boolean;",
    '  readonly kind: "code" | "innerCode";',
    "}",
  ];
  for (const family of families) {
    lines.push(
      "",
      `/** The ${family.id} family's error codes (${family.errors.length}). */`,
      `export const ${camelCase(family.id)}Errors = {`,
    );
    for (const error of family.errors) {
      const entry = {
        status: error.status,
        message: error.message,
        description: error.description,
        retryable: error.retryable,
        kind: error.kind,
      };
      lines.push(`  ${key(error.code)}: ${JSON.stringify(entry)},`);
    }
    lines.push(`} as const satisfies Record<${pascalCase(family.id)}ErrorCode, ErrorCatalogEntry>;`);
  }
  return `${lines.join("\n")}\n`;
}
