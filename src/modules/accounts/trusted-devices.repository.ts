/** Browsers trusted to skip the one-time sign-in code (SPEC MP-11), keyed by the hash of their token. */
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { trustedDevices } from '../../db/schema/index.ts';

/** Whether the token (its hash) is a trusted browser of the account that has not expired at `now`. */
export async function isTrustedDeviceOf(
  db: Executor,
  o: { tokenHash: string; accountId: string; now: Date },
): Promise<boolean> {
  const [row] = await db
    .select({ accountId: trustedDevices.accountId })
    .from(trustedDevices)
    .where(
      and(
        eq(trustedDevices.tokenHash, o.tokenHash),
        eq(trustedDevices.accountId, o.accountId),
        gt(trustedDevices.expiresAt, o.now),
      ),
    );
  return Boolean(row);
}

/** Trusts one more browser of the account, removing its expired ones first. */
export async function insertTrustedDevice(
  db: Executor,
  row: { tokenHash: string; accountId: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db
    .delete(trustedDevices)
    .where(and(eq(trustedDevices.accountId, row.accountId), lt(trustedDevices.expiresAt, row.now)));
  await db.insert(trustedDevices).values({
    tokenHash: row.tokenHash,
    accountId: row.accountId,
    expiresAt: row.expiresAt,
    createdAt: row.now,
  });
}

/** Forget every trusted browser of an account (password reset or change). */
export async function deleteTrustedDevicesOfAccount(db: Executor, accountId: string): Promise<void> {
  await db.delete(trustedDevices).where(eq(trustedDevices.accountId, accountId));
}

/** Housekeeping: trusted browsers past their expiry. */
export async function deleteExpiredTrustedDevices(db: Executor, now: Date): Promise<void> {
  await db.delete(trustedDevices).where(lt(trustedDevices.expiresAt, now));
}
