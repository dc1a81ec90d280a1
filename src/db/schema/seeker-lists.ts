import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';
import { jobPostings } from './jobs.ts';
import { seekers } from './seekers.ts';

/** 検索条件の保存 (SR-2): up to 3 named search-condition patterns per seeker, kept as a query string. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid().primaryKey().defaultRandom(),
    seekerId: uuid()
      .notNull()
      .references(() => seekers.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    query: text().notNull(),
    createdAt: instant().notNull(),
    /** 新着求人 alert (ADR 0025): off by default, or mailed daily or weekly. */
    alertFrequency: text({ enum: ['off', 'daily', 'weekly'] })
      .notNull()
      .default('off'),
    /** The instant up to which the last alert included jobs (a Tokyo midnight); null while off. */
    alertCutoff: instant(),
    /** The 15-minute slot of the day the seeker's alerts run in (hash of the seeker id, AL-5). */
    alertSlot: smallint().notNull().default(0),
  },
  (t) => [
    index('saved_searches_seeker_idx').on(t.seekerId, t.createdAt),
    index('saved_searches_alert_idx').on(t.alertSlot, t.id).where(sql`${t.alertFrequency} <> 'off'`),
    check('saved_searches_alert_check', sql`${t.alertFrequency} in ('off', 'daily', 'weekly')`),
  ],
);

/** お気に入り (SR-3): up to 300 jobs per seeker. */
export const favorites = pgTable(
  'favorites',
  {
    seekerId: uuid()
      .notNull()
      .references(() => seekers.id, { onDelete: 'cascade' }),
    jobId: integer()
      .notNull()
      .references(() => jobPostings.id, { onDelete: 'cascade' }),
    createdAt: instant().notNull(),
  },
  (t) => [primaryKey({ columns: [t.seekerId, t.jobId] })],
);
