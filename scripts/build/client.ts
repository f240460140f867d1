import type { Json } from "../../src/openapi/index.js";
import { apiErrorShape, componentAt, isObject, operations, resolveRef } from "../../src/openapi/index.js";
import { errorStatuses as statusesOf } from "../../src/openapi/index.js";
import type { CatalogFamily } from "./catalog.js";
import { tsHeader } from "../core/do-not-edit.js";
import { camelCase, pascalCase } from "./names.js";

/**
 * The hand-written runtime every generated client imports, by package name: a client compiles
 * wherever this package is installed (packages/runtime/ here), in this repo or a user's project.
 */
const runtime = "@error-contracts/runtime";

/** An object of the bundle, its `$ref` followed. */
function resolve(doc: Json, node: unknown): Json | undefined {
  const found = resolveRef(doc, node);
  return isObject(found) ? found : undefined;
}

/** What the runtime needs of an API's error bodies, read from the bundle through its error shape. */
export interface ClientErrors {
  codeType: "string" | "number";
  /** The schema of the error body (`ReferralsErrorResponse`), if it is a named one. */
  bodySchema?: string;
  /** The body's members whose JSON type the runtime checks (see `ApiSpec.body`). */
  body: Record<string, Member[]>;
  /** The response header carrying a correlation id, as the error shape declares it. */
  correlationHeader?: string;
  /** Where the body keeps its code, message, target, details, inner errors (see `ApiSpec.shape`). */
  shape?: {
    code: string[];
    message: string[][];
    target?: string[];
    details?: string[];
    innerError: string[];
    correlationId?: string[];
  };
}

/** JSON Schema types, as JavaScript's `typeof` names them. */
const typeofNames: Record<string, string> = {
  string: "string",
  integer: "number",
  number: "number",
  object: "object",
  boolean: "boolean",
};

type Member = [name: string, type: string, required?: true];

/** `[name, typeof, required]` for each property of an object schema with a single JSON type. */
function checkedMembers(doc: Json, schema: Json | undefined): Member[] {
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
  return Object.entries(resolve(doc, schema?.properties) ?? {}).flatMap(([name, property]): Member[] => {
    const type = typeofNames[String(resolve(doc, property)?.type)];
    return type ? [required.has(name) ? [name, type, true] : [name, type]] : [];
  });
}

/**
 * What the runtime needs of an API's error bodies: the shape its error schema declares (or the
 * build infers, docs/extensions.md), that schema's checked members, the code's wire type. An API
 * whose error bodies have no shape the build can read gets none: its errors carry no code.
 */
export function describeErrors(doc: Json): ClientErrors {
  const found = apiErrorShape(doc);
  if (!found) return { codeType: "string", body: {} };
  const { shape } = found;
  const component = componentAt(found.path);
  const schema = resolve(doc, found.schema);
  const body: Record<string, Member[]> = { "": checkedMembers(doc, schema) };
  // One level down: an envelope's `error` object.
  for (const [name, property] of Object.entries(resolve(doc, schema?.properties) ?? {})) {
    const inner = resolve(doc, property);
    if (inner?.type === "object" && isObject(inner.properties)) body[name] = checkedMembers(doc, inner);
  }
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    codeType: shape.codeType === "integer" ? "number" : "string",
    body,
    ...optional("bodySchema", component?.kind === "schemas" ? component.name : undefined),
    ...optional("correlationHeader", shape.correlationHeader),
    shape: {
      code: shape.code,
      message: shape.message,
      ...optional("target", shape.target),
      ...optional("details", shape.details),
      innerError: shape.innerError,
      ...optional("correlationId", shape.correlationId),
    },
  };
}

/** `"get /referrals": [400, 401, …]`: the error statuses each operation documents. */
export function errorStatuses(doc: Json): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const { route, method, operation } of operations(doc)) {
    if (isObject(operation.responses)) found.set(`${method} ${route}`, statusesOf(operation));
  }
  return found;
}

function firstOperationId(doc: Json): string | undefined {
  const withId = operations(doc).find(({ operation }) => typeof operation.operationId === "string");
  return withId ? String(withId.operation.operationId) : undefined;
}

/**
 * `generated/<api>/client.ts`: a thin typed client of one API. Everything it does is in the
 * runtime (`@error-contracts/runtime`); this file passes what the build knows: the family, its body
 * shape, its codes' wire type, its catalog, its correlation header and each operation's
 * documented error statuses. (Over 60 lines as one job: the lines of one generated file, in order.)
 */
export function renderClient(
  apiId: string,
  title: string,
  families: CatalogFamily[],
  origin: { source: string; command: string },
  doc: Json,
): string {
  const name = pascalCase(apiId);
  const family = families[0];
  const familyName = pascalCase(family?.id ?? apiId);
  const codeType = family ? `${familyName}ErrorCode` : "string | number";
  const spec = describeErrors(doc);
  const bodyType = spec.bodySchema ? `components["schemas"][${JSON.stringify(spec.bodySchema)}]` : "unknown";
  const catalog = family ? `${camelCase(family.id)}Errors` : "{}";
  const statuses = [...errorStatuses(doc)].map(
    ([operation, codes]) => `    ${JSON.stringify(operation)}: [${codes.join(", ")}],`,
  );
  const familyId = family?.id ?? apiId;
  return [
    tsHeader(origin.source, origin.command),
    `import { ApiError, createApiClient, type ApiClient, type ApiClientOptions, type ApiSpec, type ErrorOf } from "${runtime}";`,
    ...(family ? [`import { ${catalog} } from "./errors.js";`] : []),
    `import type { components, operations, paths${family ? `, ${codeType}` : ""} } from "./types.js";`,
    "",
    'export type { components, operations, paths } from "./types.js";',
    ...(family ? [`export type { ${codeType} } from "./types.js";`, `export { ${catalog} } from "./errors.js";`] : []),
    `export { ApiError } from "${runtime}";`,
    `export type { ApiClientOptions, CallOptions, ErrorOf, RetryPolicy } from "${runtime}";`,
    "",
    `/** The body of a ${familyId} error. */`,
    `export type ${familyName}ErrorBody = ${bodyType};`,
    `/** An error of the ${familyId} family, of any operation. */`,
    `export type ${familyName}ApiError = ApiError<number, ${familyName}ErrorBody, ${codeType}>;`,
    `/** The error of one operation, narrowed by \`status\`: \`${name}OperationError<"${firstOperationId(doc) ?? "operationId"}">\`. */`,
    `export type ${name}OperationError<Id extends keyof operations> = ErrorOf<operations[Id], ${codeType}>;`,
    `export type ${name}Client = ApiClient<paths, ${codeType}>;`,
    "",
    `/** Type guard: an \`ApiError\` of the ${familyId} family. */`,
    `export function is${familyName}Error(error: unknown): error is ${familyName}ApiError {`,
    `  return error instanceof ApiError && error.family === ${JSON.stringify(familyId)};`,
    "}",
    "",
    `/** What the runtime needs to know of the ${title.replace(/\*\//g, "")}: its error family and each operation's documented error statuses. */`,
    `export const ${camelCase(apiId)}Api: ApiSpec = {`,
    `  family: ${JSON.stringify(familyId)},`,
    `  codeType: ${JSON.stringify(spec.codeType)},`,
    `  catalog: ${catalog},`,
    ...(spec.correlationHeader ? [`  correlationHeader: ${JSON.stringify(spec.correlationHeader)},`] : []),
    ...(spec.shape ? [`  shape: ${JSON.stringify(spec.shape)},`] : []),
    `  body: ${JSON.stringify(spec.body)},`,
    "  errors: {",
    ...statuses,
    "  },",
    "};",
    "",
    `/** A typed client of the ${title.replace(/\*\//g, "")} on openapi-fetch: every failure an \`ApiError\`, with retries. */`,
    `export function create${name}Client(options: ApiClientOptions<${codeType}> = {}): ${name}Client {`,
    `  return createApiClient<paths, ${codeType}>(options, ${camelCase(apiId)}Api);`,
    "}",
    "",
  ].join("\n");
}
