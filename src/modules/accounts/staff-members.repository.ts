/** The staff member (name, office) behind a staff account. */
import type { Executor } from '../../db/client.ts';
import { staffMembers } from '../../db/schema/index.ts';

export async function insertStaffMember(
  db: Executor,
  row: { accountId: string; officeCode: string; name: string; now: Date },
): Promise<void> {
  await db.insert(staffMembers).values({
    accountId: row.accountId,
    officeCode: row.officeCode,
    name: row.name,
    createdAt: row.now,
    updatedAt: row.now,
  });
}
