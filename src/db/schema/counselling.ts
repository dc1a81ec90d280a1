import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';
import { seekers } from './seekers.ts';
import { staffMembers } from './staff.ts';

/** 職業相談: a counselling session recorded by staff (ST-1). Referrals need a recent one (OR-2). */
export const counsellingSessions = pgTable(
  'counselling_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    seekerId: uuid()
      .notNull()
      .references(() => seekers.id),
    staffId: uuid()
      .notNull()
      .references(() => staffMembers.id),
    heldOn: date({ mode: 'string' }).notNull(),
    /** The desired conditions confirmed in the session. */
    desiredConditions: text().notNull(),
    notes: text().notNull().default(''),
    createdAt: instant().notNull(),
  },
  (t) => [index('counselling_seeker_idx').on(t.seekerId, t.heldOn)],
);
