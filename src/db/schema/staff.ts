import { char, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { timestamps } from './columns.ts';
import { offices } from './offices.ts';

/** 職員: an employment-office counsellor. */
export const staffMembers = pgTable('staff_members', {
  id: uuid().primaryKey().defaultRandom(),
  accountId: uuid()
    .notNull()
    .unique()
    .references(() => accounts.id),
  officeCode: char({ length: 5 })
    .notNull()
    .references(() => offices.code),
  name: text().notNull(),
  ...timestamps,
});
