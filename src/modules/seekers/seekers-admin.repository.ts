/**
 * The staff console's reads and writes of 求職者 (SPEC MP-1, ST-1, MP-9): the searchable list, one
 * seeker with their login, and the registration's end date. Staff of any office may see every
 * seeker (a seeker may consult at any ハローワーク); the portal guard restricts these to staff.
 */
import { desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, seekers } from '../../db/schema/index.ts';
import { likeEscape } from '../../db/sql-helpers.ts';
import type { LocalDate } from '../../platform/dates.ts';
import { isUuid, toKatakana } from '../../platform/text.ts';
import { findSeekerWithEmail, type Seeker } from './seekers.repository.ts';

export interface SeekerListRow {
  id: string;
  kind: Seeker['kind'];
  seekerNumber: string | null;
  name: string;
  nameKana: string;
  validUntil: LocalDate;
  active: boolean;
  email: string;
  openedAt: Date | null;
  createdAt: Date;
}

/**
 * Staff list: by 求職番号 (prefix), 氏名 or フリガナ (spaces ignored, hiragana accepted) or e-mail,
 * newest registration first. Returns at most `limit` rows.
 */
export async function listSeekersForStaff(db: Executor, query: string, limit = 50): Promise<SeekerListRow[]> {
  const q = query.normalize('NFKC').trim();
  const compact = likeEscape(q.replace(/\s+/g, ''));
  const kana = likeEscape(toKatakana(q).replace(/\s+/g, ''));
  return db
    .select({
      id: seekers.id,
      kind: seekers.kind,
      seekerNumber: seekers.seekerNumber,
      name: seekers.name,
      nameKana: seekers.nameKana,
      validUntil: seekers.validUntil,
      active: seekers.active,
      email: accounts.email,
      openedAt: accounts.openedAt,
      createdAt: seekers.createdAt,
    })
    .from(seekers)
    .innerJoin(accounts, eq(accounts.id, seekers.accountId))
    .where(
      q
        ? or(
            ilike(seekers.seekerNumber, `${likeEscape(q)}%`),
            sql`replace(${seekers.name}, ' ', '') ilike ${`%${compact}%`}`,
            sql`replace(${seekers.nameKana}, ' ', '') ilike ${`%${kana}%`}`,
            ilike(accounts.email, `%${likeEscape(q.toLowerCase())}%`),
          )
        : undefined,
    )
    .orderBy(desc(seekers.createdAt), desc(seekers.seekerNumber))
    .limit(limit);
}

/** One seeker with their login e-mail and when MyPage was opened; undefined for an unknown id. */
export async function findSeekerForStaff(db: Executor, id: string) {
  if (!isUuid(id)) return undefined;
  return findSeekerWithEmail(db, id);
}

/** The seeker's row, locked until the transaction ends (for read-modify-write of the end date). */
export async function lockSeeker(db: Executor, id: string): Promise<Seeker | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(seekers).where(eq(seekers.id, id)).for('update');
  return row;
}

/**
 * An internet-only seeker becomes registered at an office: 求職番号, office, a new 求職申込日. The new
 * validity is written by validity.repository.ts changeValidUntil in the same transaction.
 */
export async function markRegisteredAtOffice(
  db: Executor,
  id: string,
  r: { seekerNumber: string; officeCode: string; appliedOn: LocalDate; now: Date },
): Promise<void> {
  await db
    .update(seekers)
    .set({
      kind: 'registered',
      seekerNumber: r.seekerNumber,
      officeCode: r.officeCode,
      appliedOn: r.appliedOn,
      active: true,
      expiryWarnedFor: null,
      updatedAt: r.now,
    })
    .where(eq(seekers.id, id));
}
