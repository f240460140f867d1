/** A request the server did not answer within `--timeout`, or whose connection it dropped. Raised by run.ts. */
export const noResponse = {
  id: "no-response",
  level: "error" as const,
};
