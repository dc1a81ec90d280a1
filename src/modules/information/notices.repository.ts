/** Data access for お知らせ (SPEC IP-2; ADR 0017): who of an office receives a notice sent to all. */
import { and, asc, count, eq, gt, gte, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, seekers } from '../../db/schema/index.ts';
import type { LocalDate } from '../../platform/dates.ts';

export interface NoticeRecipient {
  seekerId: string;
  accountId: string;
  name: string;
}

/** Registered at the office, registration valid today and not 無効, MyPage open (IP-1's "fully registered"). */
const recipientsOf = (officeCode: string, today: LocalDate) =>
  and(
    eq(seekers.kind, 'registered'),
    eq(seekers.officeCode, officeCode),
    eq(seekers.active, true),
    gte(seekers.validUntil, today),
    isNotNull(accounts.openedAt),
  );

export async function countOfficeRecipients(
  db: Executor,
  officeCode: string,
  today: LocalDate,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(seekers)
    .innerJoin(accounts, eq(accounts.id, seekers.accountId))
    .where(recipientsOf(officeCode, today));
  return Number(row?.n ?? 0);
}

/** One page of recipients in seeker-id order, after `afterSeekerId` (keyset paging). */
export function listOfficeRecipients(
  db: Executor,
  officeCode: string,
  today: LocalDate,
  o: { afterSeekerId?: string; limit: number },
): Promise<NoticeRecipient[]> {
  const where = recipientsOf(officeCode, today);
  return db
    .select({ seekerId: seekers.id, accountId: seekers.accountId, name: seekers.name })
    .from(seekers)
    .innerJoin(accounts, eq(accounts.id, seekers.accountId))
    .where(o.afterSeekerId ? and(where, gt(seekers.id, o.afterSeekerId)) : where)
    .orderBy(asc(seekers.id))
    .limit(o.limit);
}
