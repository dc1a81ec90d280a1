/**
 * The one check for every "go back to" address taken from a request (`next` after sign-in, the
 * language switch): it is resolved as a browser would resolve it against BASE_URL, and only an
 * address on this same origin is kept, as its path, query and fragment. A tab, a line break, a
 * backslash or an encoded variant of them can therefore never lead to another host, and nothing
 * unsafe for a Location header remains.
 */
export function sameOriginPath(next: string | undefined, baseUrl: string): string | undefined {
  if (!next) return undefined;
  let url: URL;
  try {
    url = new URL(next, baseUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(baseUrl).origin) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
