import { and, eq, inArray, lt, ne, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, employers, type Role, seekers, sessions, staffMembers } from '../../db/schema/index.ts';
import type { SeekerKind } from '../../domain/vocabulary.ts';
import { ENDED_SESSION_KEPT_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session.rules.ts';

export interface SessionRecord {
  id: string;
  accountId: string;
  role: Role;
  createdAt: Date;
  lastSeenAt: Date;
  email: string;
  seeker: { id: string; name: string; kind: SeekerKind } | null;
  employer: { id: string; name: string } | null;
  staff: { id: string; name: string; officeCode: string } | null;
}

export async function insertSession(
  db: Executor,
  row: { id: string; accountId: string; role: Role; now: Date; ip: string; userAgent: string },
): Promise<void> {
  await db.insert(sessions).values({
    id: row.id,
    accountId: row.accountId,
    role: row.role,
    createdAt: row.now,
    lastSeenAt: row.now,
    ip: row.ip,
    userAgent: row.userAgent.slice(0, 300),
  });
}

export async function findSession(db: Executor, id: string): Promise<SessionRecord | undefined> {
  const [row] = await db
    .select({
      id: sessions.id,
      accountId: sessions.accountId,
      role: sessions.role,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      email: accounts.email,
      seekerId: seekers.id,
      seekerName: seekers.name,
      seekerKind: seekers.kind,
      employerId: employers.id,
      employerName: employers.name,
      staffId: staffMembers.id,
      staffName: staffMembers.name,
      staffOffice: staffMembers.officeCode,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(seekers, eq(seekers.accountId, accounts.id))
    .leftJoin(employers, eq(employers.accountId, accounts.id))
    .leftJoin(staffMembers, eq(staffMembers.accountId, accounts.id))
    .where(eq(sessions.id, id));
  if (!row) return undefined;
  return {
    id: row.id,
    accountId: row.accountId,
    role: row.role,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    email: row.email,
    seeker:
      row.role === 'seeker' && row.seekerId && row.seekerName && row.seekerKind
        ? { id: row.seekerId, name: row.seekerName, kind: row.seekerKind }
        : null,
    employer:
      row.role === 'employer' && row.employerId && row.employerName
        ? { id: row.employerId, name: row.employerName }
        : null,
    staff:
      row.role === 'staff' && row.staffId && row.staffName && row.staffOffice
        ? { id: row.staffId, name: row.staffName, officeCode: row.staffOffice }
        : null,
  };
}

export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

/** The lifetimes of those of these sessions that still have a row. */
export async function listSessionTimes(
  db: Executor,
  ids: readonly string[],
): Promise<{ id: string; createdAt: Date; lastSeenAt: Date }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(inArray(sessions.id, [...ids]));
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of the account, or every one but `exceptId`. */
export async function deleteSessionsOfAccount(
  db: Executor,
  accountId: string,
  exceptId?: string,
): Promise<void> {
  const ofAccount = eq(sessions.accountId, accountId);
  await db.delete(sessions).where(exceptId ? and(ofAccount, ne(sessions.id, exceptId)) : ofAccount);
}

/** Removes sessions that ended (idle or absolute limit) more than ENDED_SESSION_KEPT_MS ago; returns how many. */
export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
  const idleBefore = new Date(now.getTime() - SESSION_IDLE_MS - ENDED_SESSION_KEPT_MS);
  const createdBefore = new Date(now.getTime() - SESSION_ABSOLUTE_MS - ENDED_SESSION_KEPT_MS);
  const removed = await db
    .delete(sessions)
    .where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore)))
    .returning({ id: sessions.id });
  return removed.length;
}
