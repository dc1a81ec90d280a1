import { sql } from 'drizzle-orm';
import { char, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { REFERRAL_STORED_STATES, sqlList } from '../../domain/vocabulary.ts';
import { instant } from './columns.ts';
import { jobPostings } from './jobs.ts';
import { offices } from './offices.ts';
import { seekers } from './seekers.ts';
import { staffMembers } from './staff.ts';

/**
 * オンラインハローワーク紹介対象求人 (SPEC OR-1..OR-4, ADR 0016): one job sent by staff to one seeker.
 * Stored state `sent` is 未応募 while live; 期限切れ (応募期限日 passed, Asia/Tokyo) and 取下げ (the job
 * became 無効 / withdrawn / past its 紹介期限日) are derived from the clock and the job when read, and
 * written only when a later send of the same job supersedes the row (`expired` / `withdrawn`).
 * `applied` (応募済, issue 11: the application points here 1:1) and `declined` (辞退, issue 12) are
 * written by those use cases. Targets sent together share `batch_id` (one notification, one form).
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid().primaryKey().defaultRandom(),
    seekerId: uuid()
      .notNull()
      .references(() => seekers.id),
    jobId: integer()
      .notNull()
      .references(() => jobPostings.id),
    /** The sending office (the seeker's home office) and staff member. */
    officeCode: char({ length: 5 })
      .notNull()
      .references(() => offices.code),
    sentBy: uuid()
      .notNull()
      .references(() => staffMembers.id),
    /** The confirmation form's key: a batch is sent once (a replayed 送信 finds it). */
    batchId: uuid().notNull(),
    sentAt: instant().notNull(),
    /** 応募期限日 (Asia/Tokyo): live through 23:59:59 of this day; never after the job's 紹介期限日. */
    applyBy: date({ mode: 'string' }).notNull(),
    state: text({ enum: REFERRAL_STORED_STATES }).notNull().default('sent'),
    /** 応募 (職業紹介が成立, AP-6) — set by issue 11's application. */
    appliedAt: instant(),
    /** 辞退 (a cancelled application, CX) — set by issue 12. */
    declinedAt: instant(),
    /** When a superseding send recorded the derived 期限切れ / 取下げ. */
    closedAt: instant(),
  },
  (t) => [
    // The same job is a live (未応募) target of a seeker at most once.
    uniqueIndex('referrals_live_key').on(t.seekerId, t.jobId).where(sql`${t.state} = 'sent'`),
    index('referrals_seeker_idx').on(t.seekerId, t.sentAt),
    index('referrals_job_idx').on(t.jobId, t.sentAt),
    index('referrals_batch_idx').on(t.batchId),
    check('referrals_state_check', sql`${t.state} in (${sql.raw(sqlList(REFERRAL_STORED_STATES))})`),
  ],
);
