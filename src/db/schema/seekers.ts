import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { SEEKER_KINDS, sqlList, VALIDITY_CAUSES } from '../../domain/vocabulary.ts';
import type { DesiredConditions, SeekerProfile } from '../../modules/seekers/seeker.types.ts';
import { accounts } from './accounts.ts';
import { instant, timestamps } from './columns.ts';
import { offices } from './offices.ts';

export { SEEKER_KINDS, type SeekerKind } from '../../domain/vocabulary.ts';

/**
 * 求職者. `registered` = 求職登録 at an office (has 求職番号 and office); `internet` = MyPage opened
 * on the web only (MP-6), which cannot receive referrals or information (MP-7).
 */
export const seekers = pgTable(
  'seekers',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .unique()
      .references(() => accounts.id),
    kind: text({ enum: SEEKER_KINDS }).notNull(),
    /** 求職番号 NNNNN-NNNNNNNN; null for internet-only seekers. */
    seekerNumber: text().unique(),
    officeCode: char({ length: 5 }).references(() => offices.code),
    name: text().notNull(),
    nameKana: text().notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    postalCode: text().notNull().default(''),
    address: text().notNull().default(''),
    phone: text().notNull().default(''),
    /** 求職申込日 (MP-9). */
    appliedOn: date({ mode: 'string' }).notNull(),
    /** The registration is valid through this date (翌々月末, extended by activity; MP-9). */
    validUntil: date({ mode: 'string' }).notNull(),
    /** The seeker's own 有効/無効 switch (MP-8). */
    active: boolean().notNull().default(true),
    /** The lapse date the expiry warning mail was last sent for, so the daily job mails once. */
    expiryWarnedFor: date({ mode: 'string' }),
    desired: jsonb().$type<DesiredConditions>().notNull(),
    profile: jsonb().$type<SeekerProfile>().notNull(),
    ...timestamps,
  },
  (t) => [
    index('seekers_valid_until_idx').on(t.validUntil),
    check('seekers_kind_check', sql`${t.kind} in (${sql.raw(sqlList(SEEKER_KINDS))})`),
    check(
      'seekers_registered_number_check',
      sql`${t.kind} = 'internet' or (${t.seekerNumber} is not null and ${t.officeCode} is not null)`,
    ),
  ],
);

/**
 * Every change of a registration's end date (MP-9, ADR 0012): the old end (null when the
 * registration was created), the new one, what caused it, the record that triggered it (a
 * 職業相談, later a referral or an application), when and by whom (the account of the staff member
 * or of the seeker; null for the system). Written only by seekers/registration-validity.ts, in the
 * transaction of the change.
 */
export const registrationValidityHistory = pgTable(
  'registration_validity_history',
  {
    id: uuid().primaryKey().defaultRandom(),
    seekerId: uuid()
      .notNull()
      .references(() => seekers.id),
    previousValidUntil: date({ mode: 'string' }),
    validUntil: date({ mode: 'string' }).notNull(),
    cause: text({ enum: VALIDITY_CAUSES }).notNull(),
    /** The id of the triggering record (e.g. counselling_sessions.id), when there is one. */
    sourceId: uuid(),
    changedAt: instant().notNull(),
    changedBy: uuid().references(() => accounts.id),
  },
  (t) => [
    index('registration_validity_history_seeker_idx').on(t.seekerId, t.changedAt),
    check(
      'registration_validity_history_cause_check',
      sql`${t.cause} in (${sql.raw(sqlList(VALIDITY_CAUSES))})`,
    ),
  ],
);
