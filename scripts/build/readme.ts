import { doNotEdit } from "../core/do-not-edit.js";

/** `generated/README.md`: what each generated artifact is; `spec` is the spec folder (`openapi/`). */
export function renderGeneratedReadme(apis: { id: string; title: string }[], spec: string, command: string): string {
  return `<!-- ${doNotEdit(spec, command)} -->
# generated/

Built from \`${spec}\` by \`${command}\`; every file here is rewritten by each build: change the
spec, not these files.

| file | what it is |
|---|---|
| \`<api>/openapi.yaml\` | the API bundled into one file by Redocly: the input of every other artifact |
| \`<api>/types.ts\` | TypeScript types of the API (openapi-typescript), plus the union of its error codes |
| \`<api>/errors.ts\` | the API's error catalog as \`as const\` objects keyed by code |
| \`<api>/client.ts\` | \`create<Api>Client()\`: a typed openapi-fetch client of the API whose every failure is an \`ApiError\`, with retries; thin: the logic is in the runtime package it imports, \`@error-contracts/runtime\` |
| \`<api>/server.ts\` | for the teams that implement the API: \`<api>Server.create(code, args)\` and \`forStatus(status, args)\`, each documented error response with its status, media type, headers and body; \`ErrorsFor<"operationId">\`; the logic is in \`@error-contracts/server\` (written only for a project whose package.json depends on \`@error-contracts/server\`, and not for an API whose error bodies have no shape) |
| \`catalog.json\` | every family, status and error code: the machine-readable catalog |
| \`docs/\` | \`index.html\` (APIs, error matrix, searchable catalog) and one reference page per API (\`redocly build-docs\`); each translation of \`${spec}i18n/\` in \`docs/<locale>/\`; not committed |

APIs: ${apis.map((api) => `\`${api.id}\` (${api.title})`).join(", ")}.
`;
}
