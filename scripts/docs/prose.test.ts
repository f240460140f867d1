import { describe, expect, it } from "vitest";
import { catalogProse, proseOf } from "./prose.js";
import { shopApi as doc, shopCatalog } from "./shop-api.fixture.js";

describe("proseOf", () => {
  const prose = proseOf("shop", doc, (name) => name !== "bearerAuth");
  const keys = Object.fromEntries(prose.map((p) => [p.key, { path: p.path?.join("/"), en: p.en }]));
  const want: { key: string; path: string; en: string }[] = [
    { key: "apis.shop.info.title", path: "info/title", en: "Shop API" },
    { key: "apis.shop.info.summary", path: "info/summary", en: "Sells things." },
    { key: "apis.shop.info.description", path: "info/description", en: "Fails with `ShopError`." },
    { key: "apis.shop.servers.0.description", path: "servers/0/description", en: "The shop" },
    {
      key: "apis.shop.servers.0.variables.host.description",
      path: "servers/0/variables/host/description",
      en: "Host name.",
    },
    { key: "apis.shop.tags.orders.name", path: "tags/0/x-displayName", en: "orders" },
    { key: "apis.shop.tags.orders.description", path: "tags/0/description", en: "Orders of a shop." },
    { key: "apis.shop.operations.listOrders.summary", path: "paths//orders/get/summary", en: "List orders" },
    {
      key: "apis.shop.operations.listOrders.responses.200.description",
      path: "paths//orders/get/responses/200/description",
      en: "The orders.",
    },
    { key: "schemas.ShopError.title", path: "components/schemas/ShopError/title", en: "Shop error" },
    {
      key: "schemas.ShopError.properties.errorCode.description",
      path: "components/schemas/ShopError/properties/errorCode/description",
      en: "The code.",
    },
    {
      key: "schemas.ShopError.properties.title.description",
      path: "components/schemas/ShopError/properties/title/description",
      en: "A property named title.",
    },
    {
      key: "schemas.ShopError.properties.value.description",
      path: "components/schemas/ShopError/properties/value/description",
      en: "A property named value.",
    },
    { key: "parameters.OrderId.description", path: "components/parameters/OrderId/description", en: "The order ID." },
    { key: "responses.Shop404.description", path: "components/responses/Shop404/description", en: "Not Found." },
    {
      key: "responses.Shop404.headers.x-request-id.description",
      path: "components/responses/Shop404/headers/x-request-id/description",
      en: "Quote it to support.",
    },
    { key: "examples.ShopNotFound.summary", path: "components/examples/ShopNotFound/summary", en: "Not found" },
    {
      key: "examples.ShopNotFound.description",
      path: "components/examples/ShopNotFound/description",
      en: "No such order.",
    },
    {
      key: "apis.shop.securitySchemes.bearerAuth.description",
      path: "components/securitySchemes/bearerAuth/description",
      en: "A token.",
    },
  ];
  it.each(want)("$key", ({ key, path, en }) => {
    expect(keys[key]).toEqual({ path, en });
  });
  it("has nothing else: no example value, default, property name, contact name or x- extension", () => {
    expect(prose.map((p) => p.key).sort()).toEqual(want.map((w) => w.key).sort());
  });
  it("gives each catalog message a key", () => {
    expect(catalogProse(shopCatalog)).toEqual([{ key: "examples.ShopNotFound.message", en: "m" }]);
  });
});
