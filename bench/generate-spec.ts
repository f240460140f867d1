/**
 * Writes a Microsoft-style spec folder of a given size for the growth benchmark: one API whose
 * operations (list, get, create, update, delete per resource) all refer to this repo's shared
 * referrals error responses, plus `default`, and a copy of `openapi/components`.
 *
 *     tsx bench/generate-spec.ts <operations> <dir>   → <dir>/openapi/growth/openapi.yaml
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const responses = (keys: string[]) =>
  `${keys
    .map((key) => `        '${key}':\n          $ref: ../components/responses/referrals/Referrals${key}.yaml\n`)
    .join("")}        default:\n          $ref: ../components/responses/referrals/ReferralsDefault.yaml\n`;
const errors = ["400", "401", "403", "404", "429", "500", "503"];

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: the files of one generated spec, written in order
export function generateSpec(operations: number, dir: string): string {
  const specDir = path.join(dir, "openapi");
  fs.rmSync(specDir, { recursive: true, force: true });
  fs.cpSync(path.join(repoRoot, "openapi", "components"), path.join(specDir, "components"), { recursive: true });
  // Only the referrals catalog is used; the others' examples would be listed under no response.
  for (const family of ["sales", "messaging", "partner"])
    fs.rmSync(path.join(specDir, "components", "examples", family), { recursive: true });
  fs.writeFileSync(
    path.join(specDir, "components", "responses", "referrals", "ReferralsDefault.yaml"),
    "description: Any other failure.\ncontent:\n  application/json:\n    schema:\n      $ref: ../../schemas/referrals/ReferralsErrorResponse.yaml\n",
  );
  const lines = [
    "openapi: 3.1.0",
    "info:",
    `  title: Growth API (${operations} operations)`,
    "  version: 1.0.0",
    "  description: A generated API for the growth benchmark.",
    "  contact: {name: error-contracts maintainers, email: api-errors@example.com}",
    "  license: {name: MIT, identifier: MIT}",
    "servers:",
    "  - url: https://api.example.com/v1",
    "tags:",
    "  - name: resources",
    "    description: Generated resources.",
    "security:",
    "  - bearerAuth: []",
    "paths:",
  ];
  const op = (method: string, id: string, summary: string, success: string, extra = "") =>
    `    ${method}:\n      operationId: ${id}\n      tags: [resources]\n      summary: ${summary}\n      description: ${summary}.\n${extra}      responses:\n${success}${responses(errors)}`;
  const ok = "        '200':\n          $ref: ../components/responses/referrals/Referrals200.yaml\n";
  for (let n = 0; n * 5 < operations; n++) {
    const left = operations - n * 5;
    lines.push(`  /resources${n}:`);
    lines.push(op("get", `listResources${n}`, `List resources ${n}`, ok));
    if (left > 1)
      lines.push(
        op(
          "post",
          `createResource${n}`,
          `Create resource ${n}`,
          "        '201':\n          $ref: ../components/responses/referrals/Referrals201.yaml\n",
        ),
      );
    if (left > 2) {
      lines.push(
        `  /resources${n}/{referralId}:`,
        "    parameters:",
        "      - $ref: ../components/parameters/referrals/ReferralId.yaml",
      );
      lines.push(op("get", `getResource${n}`, `Read resource ${n}`, ok));
    }
    if (left > 3)
      lines.push(
        op(
          "patch",
          `updateResource${n}`,
          `Update resource ${n}`,
          ok,
          "      parameters:\n        - $ref: ../components/parameters/IfMatch.yaml\n",
        ).replace(responses(errors), responses([...errors, "409", "412"])),
      );
    if (left > 4)
      lines.push(
        op(
          "delete",
          `deleteResource${n}`,
          `Delete resource ${n}`,
          "        '204':\n          $ref: ../components/responses/referrals/Referrals204.yaml\n",
        ),
      );
  }
  lines.push("components:", "  securitySchemes:", "    bearerAuth:", "      type: http", "      scheme: bearer", "");
  const root = path.join(specDir, "growth", "openapi.yaml");
  fs.mkdirSync(path.dirname(root), { recursive: true });
  fs.writeFileSync(root, lines.join("\n"));
  return specDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [count, dir] = process.argv.slice(2);
  if (!count || !dir || !/^\d+$/.test(count)) {
    console.error("usage: tsx bench/generate-spec.ts <operations> <dir>");
    process.exit(2);
  }
  console.log(generateSpec(Number(count), dir));
}
