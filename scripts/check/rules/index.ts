import { bodySchema } from "./body-schema.js";
import { codeNotForOperation } from "./code-not-for-operation.js";
import { codeStatusMismatch } from "./code-status-mismatch.js";
import { codeUnexpected } from "./code-unexpected.js";
import { codeUnknown } from "./code-unknown.js";
import { contentType } from "./content-type.js";
import { errorLeak } from "./error-leak.js";
import { headerInvalid } from "./header-invalid.js";
import { headerMissing } from "./header-missing.js";
import { noResponse } from "./no-response.js";
import { problemStatusMismatch } from "./problem-status-mismatch.js";
import type { Rule } from "./rule.js";
import { serverErrorOnClientFault } from "./server-error-on-client-fault.js";
import { statusUndocumented } from "./status-undocumented.js";
import { triggerAccepted } from "./trigger-accepted.js";

/** The rules judged on a documented response, in the order their findings print. */
export const responseRules: Rule[] = [
  contentType,
  bodySchema,
  codeUnknown,
  codeStatusMismatch,
  codeNotForOperation,
  codeUnexpected,
  problemStatusMismatch,
  headerMissing,
  headerInvalid,
];

/** Every rule id with its level (for `--only`, the docs and SARIF's rule list). */
export const ruleIds: { id: string; level: string }[] = [
  statusUndocumented,
  ...responseRules,
  triggerAccepted,
  serverErrorOnClientFault,
  errorLeak,
  noResponse,
].map(({ id, level }) => ({ id, level }));
