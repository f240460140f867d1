import type { Catalog } from "../core/catalog-format.js";

/** A small API with prose in every place the docs translate, for the tests of this folder. */
export const shopApi = {
  openapi: "3.1.0",
  info: {
    title: "Shop API",
    summary: "Sells things.",
    description: "Fails with `ShopError`.",
    contact: { name: "Team" },
  },
  servers: [
    {
      url: "https://{host}/api",
      description: "The shop",
      variables: { host: { default: "localhost", description: "Host name." } },
    },
  ],
  tags: [{ name: "orders", description: "Orders of a shop." }],
  paths: {
    "/orders": {
      parameters: [{ $ref: "#/components/parameters/OrderId" }],
      get: {
        operationId: "listOrders",
        tags: ["orders"],
        summary: "List orders",
        responses: { "200": { description: "The orders." }, "404": { $ref: "#/components/responses/Shop404" } },
      },
    },
  },
  components: {
    schemas: {
      ShopError: {
        title: "Shop error",
        properties: {
          errorCode: { type: "string", description: "The code." },
          title: { type: "string", description: "A property named title." },
          value: { type: "string", description: "A property named value." },
        },
        example: { errorCode: "NOT_FOUND", title: "not prose" },
      },
    },
    parameters: {
      OrderId: { name: "orderId", in: "path", description: "The order ID.", schema: { type: "string", default: "x" } },
    },
    responses: {
      Shop404: {
        description: "Not Found.",
        headers: { "x-request-id": { description: "Quote it to support.", schema: { type: "string" } } },
        content: { "application/json": { examples: { ShopNotFound: { $ref: "#/components/examples/ShopNotFound" } } } },
      },
    },
    examples: {
      ShopNotFound: {
        summary: "Not found",
        description: "No such order.",
        "x-error": { status: 404 },
        value: { errorCode: "NOT_FOUND", description: "wire data" },
      },
    },
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A token." } },
  },
};

/** The catalog of `shopApi`: one code. */
export const shopCatalog: Catalog = {
  families: [
    {
      id: "shop",
      apis: ["shop"],
      mediaType: "application/json",
      statuses: [],
      errors: [
        {
          code: 404,
          status: 404,
          message: "m",
          description: "d",
          retryable: false,
          summary: "s",
          kind: "code",
          example: "ShopNotFound",
        },
      ],
    },
  ],
};
