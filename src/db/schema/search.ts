import { sql } from 'drizzle-orm';
import { char, customType, date, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { jobPostings } from './jobs.ts';

/** tsvector, written with array_to_tsvector() so no text-search parser touches the lexemes. */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});

/** int4range: one 就業時間 pattern in minutes, written as '[540,1020)'. */
export const int4range = customType<{ data: string; driverData: string }>({
  dataType: () => 'int4range',
});

/**
 * The search index: one narrow row per searchable job (open, public, before its 紹介期限日).
 * Written in the same transaction as the job change that causes it, so a withdrawn job leaves
 * search at once. See docs/decisions/0004-japanese-search.md.
 */
export const jobSearch = pgTable(
  'job_search',
  {
    jobId: integer()
      .primaryKey()
      .references(() => jobPostings.id, { onDelete: 'cascade' }),
    /** 都道府県: the most common filter, also a btree so one prefecture's jobs can be read newest first. */
    prefectureCode: char({ length: 2 }).notNull(),
    acceptedOn: date({ mode: 'string' }).notNull(),
    referralDeadline: date({ mode: 'string' }).notNull(),
    /** Lower wage as a monthly amount (hourly × 168, daily × 21), for 月給下限 and sorting. */
    wageMonthly: integer().notNull(),
    /** Lower wage as an hourly amount, for part-time searches. */
    wageHourly: integer().notNull(),
    annualHolidays: smallint().notNull(),
    /** Age limits; 0 and 999 when there is none. */
    ageMin: smallint().notNull(),
    ageMax: smallint().notNull(),
    /**
     * The 就業時間 patterns as minute ranges [start, end) after midnight; a shift past midnight ends
     * after 1440 (22:00–06:00 is [1320,1800)). A job fits a 就業時間 search when one of them does.
     */
    shifts: int4range().array().notNull().default(sql`'{}'`),
    /** 市区町村 code of the workplace (src/modules/geo/municipality.ts), null when no listed one fits. */
    municipalityCode: char({ length: 6 }),
    /** Text bigrams, employer-name bigrams and structured-filter tokens. */
    tokens: tsvector().notNull(),
    /** Normalised searchable text, for rechecking words of three or more characters. */
    body: text().notNull(),
    /** Normalised 事業所名 ('' when the job hides it). */
    employerName: text().notNull(),
  },
  (t) => [
    index('job_search_tokens_idx').using('gin', t.tokens).with({ fastupdate: 'off' }),
    index('job_search_accepted_idx').on(t.acceptedOn, t.jobId),
    index('job_search_prefecture_accepted_idx').on(t.prefectureCode, t.acceptedOn, t.jobId),
    index('job_search_deadline_idx').on(t.referralDeadline, t.jobId),
    index('job_search_wage_idx').on(t.wageMonthly, t.jobId),
  ],
);

export const tsvectorFromArray = (lexemes: string[]) => sql`array_to_tsvector(${lexemes}::text[])`;
