import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../../domain/vocabulary.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { instant, timestamps } from './columns.ts';

export { ROLES, type Role } from '../../domain/vocabulary.ts';

/**
 * A login: one row per (role, e-mail). Seekers and employers registered by staff get a row
 * without a password; opening MyPage sets it. Profiles (seekers, employers, staff) point here.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    role: text({ enum: ROLES }).notNull(),
    /** Lower-cased, NFKC-normalised address. */
    email: text().notNull(),
    passwordHash: text(),
    /** When MyPage was opened (password first set). null = registered, not opened. */
    openedAt: instant(),
    passwordChangedAt: instant(),
    failedLoginCount: integer().notNull().default(0),
    lockedUntil: instant(),
    mfaEnabled: boolean().notNull().default(false),
    lastLoginAt: instant(),
    /** The language the person last used (sign-in, opening, /locale); mails to them are rendered in it. */
    locale: text({ enum: LOCALES }).notNull().default('ja'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('accounts_role_email_key').on(t.role, t.email),
    check('accounts_role_check', sql`${t.role} in ('seeker', 'employer', 'staff')`),
    check('accounts_locale_check', sql`${t.locale} in (${sql.raw(LOCALES.map((l) => `'${l}'`).join(', '))})`),
  ],
);
