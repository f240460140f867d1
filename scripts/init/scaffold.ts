/**
 * The files of a new project that builds at once: a root per API in this repo's layout
 * (`openapi/<api>/openapi.yaml`, `openapi/components/<kind>/<api>/<Component>.yaml`), an error family
 * of the chosen style with one catalogued code, the rulesets, the package scripts and a README.
 */
import { pascalCase } from "../build/names.js";
import { type CodeFacts, errorSchemas, exampleBody, type Style, styles } from "./styles.js";

export interface ScaffoldOptions {
  /** The API's id: its folder under openapi/ and the prefix of its components (`pets` → `Pets404`). */
  api: string;
  /** `info.title`. */
  title: string;
  style: Style;
  /** The catalogued code, its status and its message. */
  code: CodeFacts;
}

/** The error statuses the API documents, with what each means. */
const STATUSES: Record<number, string> = {
  400: "Bad Request. The request does not conform to the API's contract.",
  401: "Unauthorized. The credentials are missing or not valid.",
  403: "Forbidden. The caller may not do this.",
  404: "Not Found. The resource does not exist.",
  409: "Conflict. The request conflicts with the resource's state.",
  410: "Gone. The resource existed and was removed for good.",
  412: "Precondition Failed. The resource changed since the caller read it.",
  413: "Content Too Large. The request body is larger than the API accepts.",
  422: "Unprocessable Content. The request is well formed but cannot be processed.",
  429: "Too Many Requests. Slow down; Retry-After says when to try again.",
  500: "Internal Server Error. Something failed on the server; try again later.",
  502: "Bad Gateway. A service behind this one failed; try again later.",
  503: "Service Unavailable. The service is down for a while; Retry-After says when to try again.",
};

/** The statuses the scaffold's operation lists: these, and the catalogued code's. */
const listed = (code: CodeFacts) => [...new Set([400, 404, 429, 500, code.status])].sort((a, b) => a - b);

/** A status the scaffold can describe: 400–599, with a meaning. */
export const describableStatuses = Object.keys(STATUSES).map(Number);

function root(options: ScaffoldOptions, name: string): string {
  const responses = listed(options.code)
    .map(
      (status) =>
        `        '${status}':\n          $ref: ../components/responses/${options.api}/${name}${status}.yaml\n`,
    )
    .join("");
  return `openapi: 3.1.0
info:
  title: ${JSON.stringify(options.title)}
  version: 0.1.0
  description: |
    Every failed response is ${styles[options.style].summary}, served as \`${styles[options.style].mediaType}\`.
    429 carries \`Retry-After\`.
  contact:
    name: The ${options.title} team
servers:
  - url: https://api.example.com/v1
    description: Replace with your API's address.
tags:
  - name: things
    description: The things this API serves.
paths:
  /things/{thingId}:
    get:
      operationId: getThing
      tags:
        - things
      summary: Get a thing
      description: Returns one thing by its id.
      parameters:
        - name: thingId
          in: path
          required: true
          description: The thing's id.
          schema:
            type: string
      responses:
        '200':
          description: The thing.
          content:
            application/json:
              schema:
                $ref: ../components/schemas/${options.api}/Thing.yaml
${responses}`;
}

function response(options: ScaffoldOptions, name: string, status: number, exampleName: string): string {
  const retry =
    status === 429 || status === 503 ? "headers:\n  Retry-After:\n    $ref: ../../headers/RetryAfter.yaml\n" : "";
  const examples =
    status === options.code.status
      ? `    examples:\n      ${exampleName}:\n        $ref: ../../examples/${options.api}/${exampleName}.yaml\n`
      : "";
  return `description: ${JSON.stringify(STATUSES[status] ?? `HTTP ${status}.`)}
${retry}content:
  ${styles[options.style].mediaType}:
    schema:
      $ref: ../../schemas/${options.api}/${name}Error.yaml
${examples}`;
}

const packageJson = (options: ScaffoldOptions) =>
  `${JSON.stringify(
    {
      name: options.api,
      private: true,
      type: "module",
      scripts: scripts(options),
    },
    null,
    2,
  )}\n`;

/** The package scripts `init` adds. */
export const scripts = (options: ScaffoldOptions): Record<string, string> => ({
  build: "error-contracts build",
  lint: `error-contracts lint openapi/${options.api}/openapi.yaml`,
  diff: "error-contracts diff",
  "docs:serve": "error-contracts serve",
  mock: `error-contracts mock ${options.api}`,
});

const readme = (options: ScaffoldOptions, name: string) => `# ${options.title}

Its error contract, as OpenAPI 3.1 built with [error-contracts](https://github.com/error-contracts/error-contracts).

| command | what it does |
|---|---|
| \`npm run build\` | lints \`openapi/\` and writes \`generated/${options.api}/\`: the bundle, types, a typed client, the catalog, docs |
| \`npm run lint\` | lints the API with the error-contract ruleset (\`.spectral.yaml\`) |
| \`npm run mock\` | serves the API's documented responses and errors on 127.0.0.1:4010 |
| \`npm run docs:serve\` | serves the reference docs and rebuilds them on every save |
| \`npm run diff -- <base> <head>\` | what a change does to clients when things fail |

Where things are: \`openapi/${options.api}/openapi.yaml\` is the API's root; \`openapi/components/\` holds one
component per file, named after it: error responses \`${name}<status>\`, the error body
\`${name}Error\` (its \`x-error-shape\` says where the code and message are), and one example per error
code, \`${name}<Code>\`, whose \`x-error\` makes it a catalog entry. To add a code, add an example under
\`openapi/components/examples/${options.api}/\` and list it under the response of its status.

The generated client imports \`@error-contracts/runtime\`: install it where the client runs.
`;

/** Every file of the project, by its path relative to the project folder. */
export function scaffold(options: ScaffoldOptions): Record<string, string> {
  const name = pascalCase(options.api);
  // The code in Pascal case, digits kept first (`30011`, `PET_GONE` → `PetGone`): after a letter,
  // so that pascalCase does not prefix it as it prefixes an identifier.
  const exampleName = `${name}${pascalCase(`x-${options.code.code.toLowerCase()}`).slice(1)}`;
  const files: Record<string, string> = {
    "package.json": packageJson(options),
    "README.md": readme(options, name),
    ".spectral.yaml": `# The error-contract rules, and Spectral's OpenAPI rules.
extends:
  - spectral:oas
  - ./node_modules/error-contracts/spectral/ruleset.yaml
rules:
  # ec-oas-examples (in the ruleset above) checks every example as these two do, once per schema and
  # example instead of once per use.
  oas3-valid-media-example: off
  oas3-valid-schema-example: off
`,
    "redocly.yaml": `# Redocly's configuration: the APIs and the reference docs. Telemetry stays off.
telemetry: off
apis:
  ${options.api}:
    root: openapi/${options.api}/openapi.yaml
extends:
  - recommended
`,
    [`openapi/${options.api}/openapi.yaml`]: root(options, name),
    [`openapi/components/schemas/${options.api}/Thing.yaml`]: `title: Thing
description: A thing the API serves.
type: object
required:
  - id
properties:
  id:
    type: string
    description: The thing's id.
  name:
    type: string
    description: The thing's name.
`,
    "openapi/components/headers/RetryAfter.yaml": `description: How long to wait before the next request, in seconds or as an HTTP date.
required: true
schema:
  oneOf:
    - type: integer
      minimum: 0
    - type: string
`,
    [`openapi/components/examples/${options.api}/${exampleName}.yaml`]: `summary: ${JSON.stringify(options.code.title)}
description: ${JSON.stringify(`What ${options.code.code} means and what the caller should do about it.`)}
x-error:
  status: ${options.code.status}
  retryable: false
value:
${exampleBody(options.style, options.code)}`,
  };
  for (const [file, text] of Object.entries(errorSchemas(options.style, name))) {
    files[`openapi/components/schemas/${options.api}/${file}`] = text;
  }
  for (const status of listed(options.code)) {
    files[`openapi/components/responses/${options.api}/${name}${status}.yaml`] = response(
      options,
      name,
      status,
      exampleName,
    );
  }
  return files;
}
