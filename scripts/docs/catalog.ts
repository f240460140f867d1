/**
 * The error catalog as the docs read it: the fields of `generated/catalog.json` (a public format:
 * fields may be added, never renamed) that the pages show. The build's `Catalog` has this shape;
 * the docs depend on the format, not on the build's code.
 */
export interface Catalog {
  families: CatalogFamily[];
}

export interface CatalogFamily {
  id: string;
  /** The APIs whose bundles use this family's responses. */
  apis: string[];
  mediaType: string;
  statuses: { status: number; meaning: string; response: string }[];
  errors: CatalogError[];
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
  /** The named example (`Messaging30011`) that defines this code. */
  example: string;
}
