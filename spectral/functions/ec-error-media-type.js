// @ts-check
/**
 * ec-error-media-type: every error body is JSON (`application/json`, `application/problem+json` or
 * another `+json` type), in the media type of its schema's shape: the one its `x-error-shape`
 * declares, else `application/problem+json` for problem details and never so otherwise. Schemas
 * written inline are held to it as referenced ones are. Runs on the unresolved document
 * (`resolved: false`) so that a shared response is reported once, at its component.
 */
import {
  ERROR_SHAPE,
  entriesOf,
  followRef,
  isJsonMediaType,
  isObject,
  mediaTypeBase,
  shapeOfSchema,
} from "../../src/openapi/index.js";
import { documentRule, errorResponses } from "../shared.js";

const PROBLEM = "application/problem+json";
const JSON_TYPES = "application/json, application/problem+json or another +json type";

/**
 * The media type a schema's shape calls for, whatever it is served as: the declared one, else
 * problem details' for a schema recognised as problem details, else `undefined`.
 * @param {unknown} doc @param {unknown} schema
 */
function mediaTypeOfShape(doc, schema) {
  const shape = shapeOfSchema(doc, schema, "application/json");
  return shape?.style === "declared" ? shape.mediaType : shape?.style === "problem" ? PROBLEM : undefined;
}

export default documentRule("ec-error-media-type", (doc) =>
  errorResponses(doc).flatMap(({ key, response, at }) =>
    entriesOf(response.content).flatMap(([mediaType, media]) => {
      const path = [...at, "content", mediaType];
      if (!isJsonMediaType(mediaType)) {
        const message = `Error response ${key} serves its body as ${mediaType}: error bodies are JSON (${JSON_TYPES}).`;
        return [{ message, path }];
      }
      const schema = isObject(media) ? media.schema : undefined;
      if (!isObject(schema)) return [];
      const name = typeof schema.$ref === "string" ? schema.$ref : "its schema";
      const type = mediaTypeBase(mediaType);
      const wanted = mediaTypeOfShape(doc, followRef(doc, schema).node);
      if (wanted === PROBLEM && type !== PROBLEM) {
        return [{ message: `Error response ${key} serves problem details as ${type}: use ${PROBLEM}.`, path }];
      }
      if (wanted && wanted !== type) {
        return [
          { message: `Error response ${key} serves ${name} as ${type}: its ${ERROR_SHAPE} says ${wanted}.`, path },
        ];
      }
      if (!wanted && type === PROBLEM) {
        const use = "use application/json or a problem details schema";
        return [{ message: `Error response ${key} is ${PROBLEM} but ${name} is not problem details: ${use}.`, path }];
      }
      return [];
    }),
  ),
);
