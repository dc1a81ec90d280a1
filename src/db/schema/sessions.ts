import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts, ROLES } from './accounts.ts';
import { instant } from './columns.ts';

/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a database
 * reader cannot take over a session. Idle and absolute limits are checked against the app clock.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text({ enum: ROLES }).notNull(),
    createdAt: instant().notNull(),
    lastSeenAt: instant().notNull(),
    ip: text().notNull().default(''),
    userAgent: text().notNull().default(''),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_last_seen_idx').on(t.lastSeenAt)],
);

/**
 * A form that arrived just after its session timed out (SPEC MP-10: never lose what was typed). The
 * fields are held for the account whose session it was, and offered again once that account signs
 * in; one per account, deleted when sent again, discarded, or expired.
 */
export const keptForms = pgTable('kept_forms', {
  accountId: uuid()
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  path: text().notNull(),
  /** Name/value pairs in the order the browser sent them (a name may repeat). */
  fields: jsonb().$type<[string, string][]>().notNull(),
  createdAt: instant().notNull(),
  expiresAt: instant().notNull(),
});
