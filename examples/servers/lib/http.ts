/** Small pieces of HTTP the reference servers share. */

/** `/referrals/{referralId}` → `/referrals/:referralId{[^/]*}`: an empty segment still reaches the contract's check. */
export const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ":$1{[^/]*}");

/** Whether an `Accept` header admits a media type (no header, `*\/*`, `type/*` or the type itself). */
export function accepts(accept: string | undefined, mediaType: string): boolean {
  if (!accept) return true;
  const [type] = mediaType.split("/");
  return accept.split(",").some((part) => {
    const range = part.split(";")[0]!.trim().toLowerCase();
    return range === "*/*" || range === `${type}/*` || range === mediaType || range === "";
  });
}

/** The JSON a text holds, or undefined. */
export function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
