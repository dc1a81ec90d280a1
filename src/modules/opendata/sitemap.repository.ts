import { and, asc, count, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { jobPostings } from '../../db/schema/index.ts';
import type { LocalDate } from '../../platform/dates.ts';
import type { SitemapEntry } from './sitemap.rules.ts';

/** Open to the public and 有効 today: the jobs jobVisibility shows an anonymous visitor, still open. */
const publicOpen = (today: LocalDate) =>
  and(
    eq(jobPostings.status, 'open'),
    inArray(jobPostings.publicationScope, ['full', 'anonymous']),
    isNotNull(jobPostings.jobNumber),
    gte(jobPostings.referralDeadline, today),
  );

export async function countPublicJobs(db: Executor, today: LocalDate): Promise<number> {
  const [row] = await db.select({ n: count() }).from(jobPostings).where(publicOpen(today));
  return Number(row?.n ?? 0);
}

export async function listPublicJobs(
  db: Executor,
  today: LocalDate,
  offset: number,
  limit: number,
): Promise<SitemapEntry[]> {
  const rows = await db
    .select({ jobNumber: jobPostings.jobNumber, lastModified: jobPostings.updatedAt })
    .from(jobPostings)
    .where(publicOpen(today))
    .orderBy(asc(jobPostings.id))
    .offset(offset)
    .limit(limit);
  return rows.map((r) => ({ jobNumber: r.jobNumber ?? '', lastModified: r.lastModified }));
}
