/**
 * The sitemap of public jobs (issue 16, ADR 0027, OD-8): at most 50,000 URLs per file, as the
 * sitemaps.org protocol allows; more jobs than that make /sitemap.xml an index of numbered files.
 */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapEntry {
  jobNumber: string;
  lastModified: Date;
}

const escapeXml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** How many sitemap files `count` URLs need (one even when there are none). */
export function sitemapFileCount(count: number, max = SITEMAP_MAX_URLS): number {
  return Math.max(1, Math.ceil(count / max));
}

export function urlsetXml(baseUrl: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(`${baseUrl}/jobs/${e.jobNumber}`)}</loc><lastmod>${e.lastModified.toISOString()}</lastmod></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function sitemapIndexXml(baseUrl: string, files: number): string {
  const items = Array.from(
    { length: files },
    (_, i) => `<sitemap><loc>${escapeXml(`${baseUrl}/sitemap-${i + 1}.xml`)}</loc></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nDisallow: /mypage/\nDisallow: /employer/\nDisallow: /staff/\nAllow: /\n\nSitemap: ${baseUrl}/sitemap.xml\n`;
}
