/**
 * What a root file is: the names it goes by, the name of its API when its folder says none, and
 * why a parsed file is not an OpenAPI 3.x description.
 */

/** A root's file names, in the order one is taken when a folder holds more than one. */
export const rootNames = ["openapi.yaml", "openapi.yml", "openapi.json"] as const;

/** The longest API id taken from a title: it names a folder, a page and identifiers. */
const maxIdLength = 64;

/**
 * An API id from its `info.title`: `GitHub v3 REST API` → `github-v3-rest-api` (letters without
 * accents, digits, dashes; apostrophes dropped); undefined when no letter or digit is left.
 */
export function idFromTitle(title: unknown): string | undefined {
  if (typeof title !== "string") return undefined;
  const id = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, maxIdLength)
    .replace(/-+$/, "");
  return id || undefined;
}

/**
 * Why a parsed root file is not an OpenAPI 3.x description, in words a person can act on; undefined
 * when it is one. `build`, `lint` and `diff` ask this before any tool sees the file, so that an empty
 * file, a Swagger 2.0 file or a stray YAML file gets one clear line instead of a tool's guess.
 */
export function rootProblem(parsed: unknown, text: string): string | undefined {
  if (text.trim() === "" || parsed === undefined || parsed === null) return "empty file: not an OpenAPI description";
  if (typeof parsed !== "object" || Array.isArray(parsed)) return "not an OpenAPI description (no mapping at the top)";
  const { openapi, swagger } = parsed as { openapi?: unknown; swagger?: unknown };
  if (swagger !== undefined) return "OpenAPI 2.0 (swagger) is not supported: convert it to OpenAPI 3.x";
  if (openapi === undefined) return 'not an OpenAPI 3.x description (no "openapi: 3.x" field)';
  if (typeof openapi !== "string" || !/^3\.\d+(\.\d+)?$/.test(openapi)) {
    return `openapi: ${JSON.stringify(openapi)} is not supported: this toolkit reads OpenAPI 3.0 and 3.1`;
  }
  return undefined;
}
