import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { DesiredConditions, SeekerProfile } from '../../modules/seekers/seeker.types.ts';
import { accounts } from './accounts.ts';
import { timestamps } from './columns.ts';
import { offices } from './offices.ts';

export const SEEKER_KINDS = ['registered', 'internet'] as const;
export type SeekerKind = (typeof SEEKER_KINDS)[number];

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
    check('seekers_kind_check', sql`${t.kind} in ('registered', 'internet')`),
    check(
      'seekers_registered_number_check',
      sql`${t.kind} = 'internet' or (${t.seekerNumber} is not null and ${t.officeCode} is not null)`,
    ),
  ],
);
