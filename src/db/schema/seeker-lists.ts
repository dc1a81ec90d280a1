import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [index('saved_searches_seeker_idx').on(t.seekerId, t.createdAt)],
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
