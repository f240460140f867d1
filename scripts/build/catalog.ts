import path from "node:path";
import type { BundledApi } from "../core/bundle.js";
import type { Catalog, CatalogError, CatalogFamily, CatalogStatus } from "../core/catalog-format.js";
import type { Problem } from "../core/problems.js";
import {
  apiErrorShape,
  catalogEntries,
  componentOf,
  errorResponsesOf,
  isCode,
  isObject,
  objectAt,
  operations,
  resolveRef,
  responsesOf,
} from "../../src/openapi/index.js";
import { sourceLocation } from "../core/sources.js";
import { pascalCase } from "./names.js";

export type { Catalog, CatalogError, CatalogFamily, CatalogStatus } from "../core/catalog-format.js";

/** Response components named `<Family><status>`, such as `Messaging429`. */
const statusResponse = /^([A-Z][A-Za-z]*?)([1-5]\d\d)$/;

/** The name of the component of `kind` a node's `$ref` names. */
function refName(node: unknown, kind: string): string | undefined {
  const component = componentOf(node);
  return component?.kind === kind ? component.name : undefined;
}

/** The `components` member of a bundle of one kind (`responses`, `examples`). */
const componentsOf = (doc: unknown, kind: string) => objectAt(objectAt(doc, "components"), kind);

function compareCodes(a: string | number, b: string | number): number {
  const [x, y] = [Number(a), Number(b)];
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : String(a).localeCompare(String(b));
}

type Report = (api: BundledApi, jsonPath: (string | number)[], message: string) => void;

/** Each problem once, at the source file and line of a bundle's JSON path. */
function reporter(problems: Problem[], components: Map<string, string>): Report {
  const seen = new Set<string>();
  return (api, jsonPath, message) => {
    const where = sourceLocation(jsonPath, api.root, components);
    const key = `${where.file}:${where.line}:${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ ...where, severity: "error", rule: "catalog", message });
  };
}

/** Whether an API has `<Family><status>` response components (else it is a family of its own). */
const namesFamilies = (api: BundledApi) =>
  Object.keys(componentsOf(api.doc, "responses")).some((name) => statusResponse.test(name));

/**
 * An API without `<Family><status>` response components is a family of its own, named after it:
 * its statuses are the error statuses its operations document, each with the first description.
 */
function apiFamily(api: BundledApi): CatalogFamily {
  const statuses = new Map<number, CatalogStatus>();
  for (const { operation, path } of operations(api.doc)) {
    for (const { key, response } of errorResponsesOf(operation, path)) {
      if (!/^[45]\d\d$/.test(key) || statuses.has(Number(key))) continue;
      const described = resolveRef(api.doc, response);
      const meaning = isObject(described) ? String(described.description ?? "") : "";
      statuses.set(Number(key), { status: Number(key), meaning, response: componentOf(response)?.name ?? "" });
    }
  }
  const mediaType = apiErrorShape(api.doc)?.shape.mediaType ?? "";
  return { id: api.id, apis: [api.id], mediaType, statuses: [...statuses.values()], errors: [] };
}

/**
 * 1. The families and their statuses: every `<Family><status>` response component; an API that
 * names none is a family of its own (`apiFamily`).
 */
function readStatuses(apis: BundledApi[], ownIds: Set<string>): Map<string, CatalogFamily> {
  const families = new Map<string, CatalogFamily>();
  for (const api of apis) {
    if (ownIds.has(api.id)) {
      families.set(api.id, apiFamily(api));
      continue;
    }
    for (const [name, response] of Object.entries(componentsOf(api.doc, "responses"))) {
      const match = statusResponse.exec(name);
      if (!match || !isObject(response)) continue;
      // The family of an API's own prefix is named as the API is (`envelope-api`, not `envelopeapi`).
      const id = match[1] === pascalCase(api.id) ? api.id : match[1]!.toLowerCase();
      const fam = families.get(id) ?? { id, apis: [], mediaType: "", statuses: [], errors: [] };
      families.set(id, fam);
      if (!fam.apis.includes(api.id)) fam.apis.push(api.id);
      if (fam.statuses.some((s) => s.response === name)) continue;
      fam.statuses.push({ status: Number(match[2]), meaning: String(response.description ?? ""), response: name });
      const mediaType = isObject(response.content) ? Object.keys(response.content)[0] : undefined;
      if (mediaType && Number(match[2]) >= 400 && !fam.mediaType) fam.mediaType = mediaType;
    }
  }
  return families;
}

/**
 * 2. The errors: every example with `x-error`, in the family its name starts with (in an API that is
 * its own family, every one, wherever it is listed), each code once.
 */
function readErrors(
  apis: BundledApi[],
  families: Map<string, CatalogFamily>,
  ownIds: Set<string>,
  report: Report,
): void {
  const prefixes = [...families.keys()].filter((id) => !ownIds.has(id)).sort((a, b) => b.length - a.length);
  const defined = new Set<string>();
  for (const api of apis) {
    const own = ownIds.has(api.id);
    for (const { name, path: at, example, status, body } of catalogEntries(api.doc)) {
      if (defined.has(name) || (at[0] !== "components" && !own)) continue;
      const prefix = own ? api.id : prefixes.find((p) => name.toLowerCase().startsWith(p));
      if (!prefix) {
        const known = prefixes.join(", ");
        report(api, at, `example ${name} has x-error but its name does not start with a family (${known})`);
        continue;
      }
      const fam = families.get(prefix)!;
      // The lint step (ec-catalog-entry, ec-catalog-unique-codes) has reported incomplete and
      // duplicate entries; what is left out here never passed it, and is never dropped in silence.
      const twin = body ? fam.errors.find((e) => String(e.code) === String(body.code)) : undefined;
      if (typeof status !== "number" || !body || !isCode(body.code) || typeof body.message !== "string" || twin) {
        const why = twin
          ? `its code ${String(body?.code)} is already defined by ${twin.example}`
          : "it lacks a status, a code or a message";
        report(
          api,
          at,
          `example ${name} is left out of the catalog: ${why} (rules ec-catalog-entry, ec-catalog-unique-codes)`,
        );
        continue;
      }
      defined.add(name);
      const meta = example["x-error"];
      fam.errors.push({
        code: body.code,
        status,
        message: body.message,
        description: typeof example.description === "string" ? example.description : "",
        retryable: isObject(meta) && meta.retryable === true,
        kind: body.kind,
        summary: typeof example.summary === "string" ? example.summary : String(body.code),
        example: name,
      });
    }
  }
}

/**
 * 3. A `<Family><status>` response is listed under its own status only. (Examples under the
 * wrong status are the lint step's ec-example-status.)
 */
function checkResponseStatuses(apis: BundledApi[], report: Report): void {
  for (const api of apis) {
    for (const { operation, path: at } of operations(api.doc)) {
      for (const { key, response, path: listedAt } of responsesOf(operation, at)) {
        const responseName = refName(response, "responses");
        const named = responseName ? statusResponse.exec(responseName) : null;
        if (named && named[2] !== key) {
          report(api, listedAt, `response ${responseName} describes status ${named[2]} but is listed under ${key}`);
        }
      }
    }
  }
}

/** 4. Orphans: an example file that no response lists never reaches a bundle. */
function orphanExamples(apis: BundledApi[], exampleFiles: string[]): Problem[] {
  return exampleFiles
    .map((file) => ({ file, name: path.basename(file).replace(/\.ya?ml$/, "") }))
    .filter(({ name }) => !apis.some((api) => name in componentsOf(api.doc, "examples")))
    .map(({ file, name }) => ({
      file,
      line: 1,
      column: 1,
      severity: "error" as const,
      rule: "catalog",
      message: `example ${name} is not listed under any response: add it to the response of its status`,
    }));
}

/** The families in a stable order: by id; statuses by number; top-level codes before inner codes, each by value. */
function sortFamilies(families: Iterable<CatalogFamily>): CatalogFamily[] {
  const byCode = (a: CatalogError, b: CatalogError) =>
    a.kind === b.kind ? compareCodes(a.code, b.code) : a.kind === "code" ? -1 : 1;
  return [...families]
    .map((fam) => ({
      ...fam,
      apis: [...fam.apis].sort(),
      statuses: [...fam.statuses].sort((a, b) => a.status - b.status),
      errors: [...fam.errors].sort(byCode),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Reads the error catalog out of bundled APIs and checks it: every example with `x-error`
 * is one catalog entry, written once; its status must match every response it is listed under.
 * `exampleFiles` are the example files on disk: one that no response lists is reported.
 */
export function buildCatalog(
  apis: BundledApi[],
  components: Map<string, string>,
  exampleFiles: string[],
): { catalog: Catalog; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = reporter(problems, components);
  // The APIs that are families of their own (no `<Family><status>` response components).
  const ownIds = new Set(apis.filter((api) => !namesFamilies(api)).map((api) => api.id));
  const families = readStatuses(apis, ownIds);
  readErrors(apis, families, ownIds, report);
  checkResponseStatuses(apis, report);
  problems.push(...orphanExamples(apis, exampleFiles));
  return { catalog: { families: sortFamilies(families.values()) }, problems };
}
