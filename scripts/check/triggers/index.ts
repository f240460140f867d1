import { authLow } from "./auth-low.js";
import { authMalformed } from "./auth-malformed.js";
import { authMissing } from "./auth-missing.js";
import { bodyViolation } from "./body-violation.js";
import { malformedJson } from "./malformed-json.js";
import { methodNotAllowed } from "./method-not-allowed.js";
import { missingBody } from "./missing-body.js";
import { missingHeader } from "./missing-header.js";
import { notAcceptable } from "./not-acceptable.js";
import { parameterViolation } from "./parameter-violation.js";
import { rangeUnsatisfiable } from "./range-unsatisfiable.js";
import { staleIfMatch } from "./stale-if-match.js";
import type { TriggerKind } from "./trigger.js";
import { unknownId } from "./unknown-id.js";
import { unsupportedMediaType } from "./unsupported-media-type.js";

/**
 * Every kind of trigger, in the order a run sends them for each operation: those of one or a few
 * requests first, then the violations of each constraint, so that the cap of triggers per
 * operation (run.ts) cuts from the many, not the few (the rate-limit burst comes last, in run.ts).
 */
export const triggerKinds: TriggerKind[] = [
  authMissing,
  authMalformed,
  authLow,
  unknownId,
  methodNotAllowed,
  notAcceptable,
  unsupportedMediaType,
  staleIfMatch,
  missingHeader,
  rangeUnsatisfiable,
  malformedJson,
  missingBody,
  parameterViolation,
  bodyViolation,
];
