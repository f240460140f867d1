import type { BundledApi } from "../core/bundle.js";
import { codeAnchor, codeLocations } from "./anchors.js";
import type { Catalog } from "../core/catalog-format.js";
import { documentedStatuses, errorStatusesOf } from "../core/error-statuses.js";
import { editionHref, type Edition } from "./editions.js";
import type { Json } from "./json.js";
import type { LandingApi, LandingError, LandingPage } from "./landing.js";
import { uiText } from "./ui-text.js";

const info = (doc: Json) => (doc.info ?? {}) as { title?: unknown; summary?: unknown };

/** The catalog's rows, in the edition's language, each linked to where the reference documents it. */
function landingErrors(edition: Edition, apis: BundledApi[], catalog: Catalog): LandingError[] {
  const t = edition.translator;
  const locations = codeLocations(apis, catalog);
  return catalog.families.flatMap((family) =>
    family.errors.map((error) => {
      const anchor = codeAnchor(family.id, error.code);
      const where = locations.get(anchor);
      const message = t.text(`examples.${error.example}.message`, error.message);
      const label = where && t.text(`apis.${where.api}.operations.${where.operationId}.summary`, where.summary);
      return {
        anchor,
        family: family.id,
        code: String(error.code),
        status: error.status,
        message,
        ...(message !== error.message ? { wireMessage: error.message } : {}),
        description: t.text(`examples.${error.example}.description`, error.description),
        retryable: error.retryable,
        inner: error.kind === "innerCode",
        ...(where ? { doc: { href: where.href, label: label!, status: where.status } } : {}),
      };
    }),
  );
}

/** An API's card: its title and summary in the edition's language, its family's codes, the error statuses it documents. */
function landingApi(api: BundledApi, edition: Edition, catalog: Catalog): LandingApi {
  const families = catalog.families.filter((family) => family.apis.includes(api.id));
  const doc = edition.docs.get(api.id)!;
  return {
    id: api.id,
    title: String(info(doc).title ?? api.id),
    summary: String(info(doc).summary ?? ""),
    href: `${api.id}.html`,
    family: families.map((f) => f.id).join(", "),
    mediaType: families[0]?.mediaType ?? "",
    codes: families.reduce((n, f) => n + f.errors.length, 0),
    statuses: documentedStatuses(doc).length,
  };
}

/** A matrix row for each API that no family covers: the statuses it documents, without codes. */
function uncatalogued(edition: Edition, apis: BundledApi[], catalog: Catalog): LandingPage["families"] {
  return apis
    .filter((api) => !catalog.families.some((family) => family.apis.includes(api.id)))
    .map((api) => ({
      id: api.id,
      statuses: documentedStatuses(edition.docs.get(api.id)!)
        .filter((s) => /^\d+$/.test(s.key))
        .map((s) => ({ status: Number(s.key), meaning: s.meaning })),
    }))
    .filter((row) => row.statuses.length > 0);
}

/** What the landing page of one edition shows, its texts looked up in the edition's language. */
export function landingPageOf(
  edition: Edition,
  editions: Edition[],
  apis: BundledApi[],
  catalog: Catalog,
): LandingPage {
  const t = edition.translator;
  const ui = uiText(t);
  return {
    lang: edition.lang,
    text: ui,
    title: ui("ui.landing.title"),
    languages: editions.map((e) => ({
      lang: e.lang,
      label: e.language,
      href: editionHref(edition.dir, `${e.dir}index.html`),
      current: e === edition,
    })),
    apis: apis.map((api) => landingApi(api, edition, catalog)),
    families: [
      ...catalog.families.map((family) => ({
        id: family.id,
        statuses: family.statuses.map((s) => ({
          status: s.status,
          meaning: t.text(`responses.${s.response}.description`, s.meaning),
        })),
      })),
      ...uncatalogued(edition, apis, catalog),
    ],
    errors: landingErrors(edition, apis, catalog),
    errorStatuses: errorStatusesOf(apis.map((api) => api.doc)).size,
    source: "openapi/",
  };
}
