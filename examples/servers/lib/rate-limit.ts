/**
 * A fixed-window rate limit: `limit` requests per key in each window of `windowMs`. Returns the
 * seconds until the window ends (for `Retry-After`) once a key is over its limit, else undefined.
 */
export function rateLimiter({ limit, windowMs }: { limit: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string): number | undefined => {
    const now = Date.now();
    const window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      windows.set(key, { start: now, count: 1 });
      return undefined;
    }
    window.count += 1;
    return window.count > limit ? Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) : undefined;
  };
}
