// The format of `generated/catalog.json`, in one place: the build writes it (scripts/build/catalog.ts),
// the docs read it (scripts/docs/), consumers import it. Fields may be added, never renamed.

/** `generated/catalog.json`: a public format. Fields may be added, never renamed. */
export interface Catalog {
  families: CatalogFamily[];
}

export interface CatalogFamily {
  /** `sales`, `messaging`, `partner`, `referrals`: the lower-cased prefix of the family's components. */
  id: string;
  /** The APIs whose bundles use this family's responses. */
  apis: string[];
  /** The media type of the family's error bodies. */
  mediaType: string;
  statuses: CatalogStatus[];
  errors: CatalogError[];
}

export interface CatalogStatus {
  status: number;
  /** The response component's description: the status's meaning as the family publishes it. */
  meaning: string;
  /** The response component (`Referrals412`). */
  response: string;
}

export interface CatalogError {
  /** As it travels on the wire: 30011 a number, "99910" a string. */
  code: string | number;
  status: number;
  message: string;
  description: string;
  retryable: boolean;
  /** `code`: the body's top-level code; `innerCode`: a code nested in `innerError`. */
  kind: "code" | "innerCode";
  /** The short label of the example. */
  summary: string;
  /** The named example (`Messaging30011`) that defines this code, in `openapi/components/examples/`. */
  example: string;
}
