/** Data access for 新着求人 alerts on saved searches (ADR 0025). */
import { and, asc, eq, gt, gte, isNotNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, savedSearches, seekers } from '../../db/schema/index.ts';
import type { LocalDate } from '../../platform/dates.ts';
import type { AlertFrequency } from './alerts.rules.ts';

/** Switches one of the seeker's own saved searches' alert; false when it is not theirs. */
export async function updateAlert(
  db: Executor,
  seekerId: string,
  id: string,
  alert: { frequency: AlertFrequency; cutoff: Date | null; slot: number },
): Promise<boolean> {
  const rows = await db
    .update(savedSearches)
    .set({ alertFrequency: alert.frequency, alertCutoff: alert.cutoff, alertSlot: alert.slot })
    .where(and(eq(savedSearches.id, id), eq(savedSearches.seekerId, seekerId)))
    .returning({ id: savedSearches.id });
  return rows.length > 0;
}

export async function findSavedSearch(db: Executor, id: string) {
  const [row] = await db.select().from(savedSearches).where(eq(savedSearches.id, id));
  return row;
}

/** Turns the alert off (the stop link); returns whether it was on. */
export async function switchAlertOff(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(savedSearches)
    .set({ alertFrequency: 'off', alertCutoff: null })
    .where(and(eq(savedSearches.id, id), ne(savedSearches.alertFrequency, 'off')))
    .returning({ id: savedSearches.id });
  return rows.length > 0;
}

export interface AlertCandidate {
  id: string;
  name: string;
  query: string;
  frequency: Exclude<AlertFrequency, 'off'>;
  cutoff: Date | null;
  seekerId: string;
  seekerName: string;
  accountId: string;
}

/**
 * One batch of switched-on alerts in a slot, after `afterId` in id order, of seekers whose
 * registration is 有効 today and whose MyPage is open (AL-7: 無効 or lapsed ones are not read).
 */
export async function listAlertsInSlot(
  db: Executor,
  q: { slot: number; afterId: string | null; limit: number; today: LocalDate },
): Promise<AlertCandidate[]> {
  const rows = await db
    .select({
      id: savedSearches.id,
      name: savedSearches.name,
      query: savedSearches.query,
      frequency: savedSearches.alertFrequency,
      cutoff: savedSearches.alertCutoff,
      seekerId: seekers.id,
      seekerName: seekers.name,
      accountId: seekers.accountId,
    })
    .from(savedSearches)
    .innerJoin(seekers, eq(seekers.id, savedSearches.seekerId))
    .innerJoin(accounts, eq(accounts.id, seekers.accountId))
    .where(
      and(
        eq(savedSearches.alertSlot, q.slot),
        sql`${savedSearches.alertFrequency} <> 'off'`,
        q.afterId ? gt(savedSearches.id, q.afterId) : undefined,
        eq(seekers.active, true),
        gte(seekers.validUntil, q.today),
        isNotNull(accounts.openedAt),
      ),
    )
    .orderBy(asc(savedSearches.id))
    .limit(q.limit);
  return rows.flatMap((r) => (r.frequency === 'off' ? [] : [{ ...r, frequency: r.frequency }]));
}

/**
 * Moves the cutoff on, only if no one else did since it was read (a second run, or the seeker
 * switching the alert meanwhile): true when this caller won and should send the mail.
 */
export async function advanceAlertCutoff(
  db: Executor,
  id: string,
  from: { frequency: AlertFrequency; cutoff: Date | null },
  to: Date,
): Promise<boolean> {
  const rows = await db
    .update(savedSearches)
    .set({ alertCutoff: to })
    .where(
      and(
        eq(savedSearches.id, id),
        eq(savedSearches.alertFrequency, from.frequency),
        from.cutoff === null
          ? sql`${savedSearches.alertCutoff} is null`
          : eq(savedSearches.alertCutoff, from.cutoff),
      ),
    )
    .returning({ id: savedSearches.id });
  return rows.length > 0;
}
