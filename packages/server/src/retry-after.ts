/** A wait a client is asked to observe: seconds, or the moment from which it may retry. */
export type RetryAfter = number | Date;

/**
 * `Retry-After` as RFC 9110 writes it: delta-seconds (a fraction rounded up) or an IMF-fixdate.
 * A negative, infinite or invalid value is the caller's bug: a `RangeError`.
 */
export function formatRetryAfter(value: RetryAfter): string {
  if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (Number.isNaN(value.getTime()) || year < 1000 || year > 9999) {
      throw new RangeError(`retryAfter: ${String(value)} is not a date an HTTP-date can carry`);
    }
    return value.toUTCString();
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`retryAfter: ${String(value)} is not a number of seconds (0 or more)`);
  }
  return String(Math.ceil(value));
}
