// Every step of the build, loaded only once the cache says there is work to do: the steps import
// Redocly, Spectral, openapi-typescript and the docs, which a no-op build never needs.
export { bundle } from "./bundle.js";
export { catalog } from "./catalog.js";
export { clients } from "./clients.js";
export { docs } from "./docs.js";
export { i18n } from "./i18n.js";
export { lint } from "./lint.js";
export { server } from "./server.js";
export { types, typesAhead, type TypesAhead } from "./types.js";
