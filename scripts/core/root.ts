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
