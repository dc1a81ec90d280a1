/**
 * Where the breadcrumb 「求人検索」 of a job page leads (issue 14): back to the results the visitor
 * came from, conditions and page kept, when they came from this site's /jobs; otherwise to an empty
 * search. `origins`: this site's (BASE_URL's, and the request's own behind no proxy). Only a path is ever returned (never an open redirect or another site).
 */
export function searchBackHref(referer: string | undefined, origins: readonly string[]): string {
  if (!referer) return '/jobs';
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return '/jobs';
  }
  if (!origins.includes(url.origin) || url.pathname !== '/jobs' || url.search.length <= 1) return '/jobs';
  return `/jobs${url.search}`;
}
