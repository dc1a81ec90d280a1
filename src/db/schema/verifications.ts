import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { instant } from './columns.ts';

export const VERIFICATION_PURPOSES = [
  'open_mypage',
  'employer_open',
  'signup',
  'login_code',
  'password_reset',
] as const;
export type VerificationPurpose = (typeof VERIFICATION_PURPOSES)[number];

/**
 * Every code sent by mail (認証キー, login one-time code, password reset) lives here: one live code
 * per (purpose, target), stored as an HMAC, with an expiry and an attempt counter. Used or dead
 * codes are deleted.
 */
export const verifications = pgTable(
  'verifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    purpose: text({ enum: VERIFICATION_PURPOSES }).notNull(),
    /** An account id, or for signup the normalised e-mail address. */
    target: text().notNull(),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: instant().notNull(),
    createdAt: instant().notNull(),
  },
  (t) => [
    uniqueIndex('verifications_purpose_target_key').on(t.purpose, t.target),
    index('verifications_expires_idx').on(t.expiresAt),
  ],
);

/** Browsers trusted for 30 days after a login one-time code (MP-11). Only the token's hash is kept. */
export const trustedDevices = pgTable(
  'trusted_devices',
  {
    tokenHash: text().primaryKey(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    expiresAt: instant().notNull(),
    createdAt: instant().notNull(),
  },
  (t) => [index('trusted_devices_account_idx').on(t.accountId)],
);

/** Fixed-window counters for throttling (per client address, per account …). */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStart: instant().notNull(),
  count: integer().notNull(),
});

/** A half-finished internet registration (MP-10): what was typed on each step, kept as typed. */
export const registrationDrafts = pgTable('registration_drafts', {
  accountId: uuid()
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  data: jsonb().$type<Record<string, Record<string, string | string[]>>>().notNull(),
  /** The furthest step reached. */
  step: text().notNull(),
  updatedAt: instant().notNull(),
});
