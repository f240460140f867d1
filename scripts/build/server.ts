import type { ServerSpec } from "@error-contracts/server";
import { tsHeader } from "../core/do-not-edit.js";
import { camelCase, pascalCase } from "./names.js";

/** The server kit every generated `server.ts` imports, by package name (packages/server/ here). */
const kit = "@error-contracts/server";

/** A code as a TypeScript literal of its wire type: `30011`, `"99910"`. */
const literal = (code: string | number, codeType: ServerSpec["shape"]["codeType"]) =>
  codeType === "number" ? String(Number(code)) : JSON.stringify(String(code));

/** The spec as a literal: one line per status, code, operation and schema. */
function renderSpec(spec: ServerSpec): string {
  const member = ([key, value]: [string, unknown]) => {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`;
    const entries = Object.entries(value).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    return [`  ${JSON.stringify(key)}: {`, ...entries, "  },"].join("\n");
  };
  return ["{", ...Object.entries(spec).map(member), "}"].join("\n");
}

const union = (members: string[]) => (members.length > 0 ? members.join(" | ") : "never");

/** `MessagingServerTypes`: what `Kit<T>` types, from the spec. */
function renderTypes(spec: ServerSpec, name: string, bodyType: string): string[] {
  const { codeType } = spec.shape;
  const codes = Object.entries(spec.codes).map(([code, { status }]) => {
    const retry = spec.statuses[status]?.retryAfter === true;
    return `    ${literal(code, codeType)}: { status: ${status}; retryAfter: ${retry} };`;
  });
  const statuses = Object.entries(spec.statuses)
    .filter(([, status]) => status.body !== undefined)
    .map(([status, s]) => `    ${status}: { retryAfter: ${s.retryAfter}; code: ${s.codeRequired === true} };`);
  const operations = Object.entries(spec.operations).map(([id, op]) => {
    const codesOf = union(op.codes.map((code) => literal(code, codeType)));
    return `    ${JSON.stringify(id)}: { codes: ${codesOf}; statuses: ${union(op.statuses.map(String))} };`;
  });
  return [
    `/** The codes, code-less statuses and operations of the ${spec.api} API, as \`Kit<T>\` types them. */`,
    `export interface ${name}ServerTypes {`,
    `  body: ${bodyType};`,
    "  codes: {",
    ...codes,
    "  };",
    "  statuses: {",
    ...statuses,
    "  };",
    "  operations: {",
    ...operations,
    "  };",
    "}",
  ];
}

/**
 * `generated/<api>/server.ts`: the API's `ServerSpec` (what the server kit needs of the bundle), its
 * types, `ErrorsFor<"operationId">`, and the kit made from them. The logic is in `@error-contracts/server`.
 */
export function renderServer(
  spec: ServerSpec,
  bodySchema: string | undefined,
  origin: { source: string; command: string },
): string {
  const name = pascalCase(spec.api);
  const camel = camelCase(spec.api);
  const bodyType = bodySchema ? `components["schemas"][${JSON.stringify(bodySchema)}]` : "unknown";
  const firstOperation = Object.keys(spec.operations)[0] ?? "operationId";
  return [
    tsHeader(origin.source, origin.command),
    `import { createKit, type ErrorsFor as ErrorsOf, type Kit, type KitOptions, type ServerSpec } from "${kit}";`,
    ...(bodySchema ? ['import type { components } from "./types.js";'] : []),
    "",
    `export { ContractError, expressErrorHandler, fastifyErrorHandler, honoErrorHandler, sendFastify, sendNode, toResponse } from "${kit}";`,
    `export type { ErrorArgs, ErrorResponse, KitOptions } from "${kit}";`,
    "",
    ...renderTypes(spec, name, bodyType),
    "",
    `/** The codes and code-less statuses one operation documents: \`ErrorsFor<${JSON.stringify(firstOperation)}>\`. */`,
    `export type ErrorsFor<Op extends keyof ${name}ServerTypes["operations"]> = ErrorsOf<${name}ServerTypes, Op>;`,
    `export type ${name}Kit = Kit<${name}ServerTypes>;`,
    "",
    `/** What the server kit needs to know of the ${spec.api} API, read from its bundle. */`,
    `export const ${camel}ServerSpec: ServerSpec = ${renderSpec(spec)};`,
    "",
    `/** A kit of the ${spec.api} API's documented errors; \`{ validate: true }\` checks every response (needs ajv). */`,
    `export function create${name}Kit(options: KitOptions = {}): ${name}Kit {`,
    `  return createKit<${name}ServerTypes>(${camel}ServerSpec, options);`,
    "}",
    "",
    `/** The ${spec.api} API's documented errors: \`${camel}Server.create(code, args)\`, \`${camel}Server.forStatus(status, args)\`. */`,
    `export const ${camel}Server: ${name}Kit = create${name}Kit();`,
    "",
  ].join("\n");
}
