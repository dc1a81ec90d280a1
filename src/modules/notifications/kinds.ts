/**
 * Every way the service tells a person something (ADR 0013). A kind names its channels (the
 * メッセージ inbox and/or mail), the schema of its data, and whether the data holds a mailed code
 * (`secret`: then the kind is mail-only and `data.code` is scrubbed once the mail went out or the
 * code expired). Rendering lives in render.ts; labels for staff in i18n `notifications.kind`.
 */
import { z } from 'zod';
import {
  CANCEL_REASONS,
  SELECTION_RESULTS,
  THREAD_AUTHORS,
  THREAD_ENTRY_KINDS,
} from '../../domain/vocabulary.ts';
import { WAGE_TYPES } from '../jobs/job.types.ts';

export type Channel = 'inbox' | 'mail';

/** An instant as ISO-8601 text (JSON has no dates). */
const instant = z.string().datetime();
/** A calendar date 'YYYY-MM-DD' (Asia/Tokyo). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const code = z.string().regex(/^\d{4,10}$/);
const portal = z.enum(['seeker', 'employer']);

interface KindSpec<S extends z.ZodType> {
  channels: readonly Channel[];
  secret: boolean;
  schema: S;
}

const kind = <S extends z.ZodType>(channels: readonly Channel[], schema: S, secret = false): KindSpec<S> => ({
  channels,
  secret,
  schema,
});

export const KINDS = {
  /** 「パスワード登録申込受付通知」 with the 認証キー (MP-2 ③). */
  'account.open_key': kind(['mail'], z.object({ name: z.string(), portal, code, expires: instant }), true),
  /** An opening or signup request for an address whose MyPage is already open (no probing, ADR 0006). */
  'account.already_open': kind(['mail'], z.object({ portal })),
  /** Internet-only opening: the 認証キー for a new address (MP-6). */
  'account.signup_key': kind(['mail'], z.object({ code, expires: instant }), true),
  /** Internet signup asked for an address registered at an office: open MyPage instead (MP-2). */
  'account.office_registered': kind(['mail'], z.object({})),
  /** One-time sign-in code (MP-11). */
  'account.login_code': kind(['mail'], z.object({ code, expires: instant }), true),
  /** Soft lock started (ADR 0006). Mail only: a security notice, read where the person can read it. */
  'account.lock_notice': kind(['mail'], z.object({ until: instant })),
  'account.reset_key': kind(['mail'], z.object({ code, expires: instant }), true),
  'account.password_changed': kind(['mail'], z.object({ at: instant })),
  /** 求職登録完了のお知らせ (MP-1). `opened`: MyPage was already open on the internet. */
  'seeker.registered': kind(
    ['inbox', 'mail'],
    z.object({ name: z.string(), seekerNumber: z.string(), validUntil: day, opened: z.boolean() }),
  ),
  /** 求職登録 at the counter for an internet-only seeker. */
  'seeker.registered_at_office': kind(
    ['inbox', 'mail'],
    z.object({ name: z.string(), seekerNumber: z.string(), validUntil: day }),
  ),
  /** MP-9 lapse warning. */
  'seeker.registration_expiring': kind(['inbox', 'mail'], z.object({ name: z.string(), validUntil: day })),
  /**
   * オンラインハローワーク紹介対象求人 sent by staff (OR-3, G-3): one notice for a batch sent together,
   * listing each job with its 応募期限日 (ADR 0016).
   */
  'referral.sent': kind(
    ['inbox', 'mail'],
    z.object({
      name: z.string(),
      jobs: z
        .array(z.object({ jobNumber: z.string(), title: z.string(), applyBy: day }))
        .min(1)
        .max(10),
    }),
  ),
  /**
   * 情報提供 (IP-1): jobs Hello Work staff send a fully registered seeker as information; one notice
   * per batch. The job cards are read back from the inbox row (ホーム 「ハローワークからの求人情報」).
   */
  'information.jobs': kind(
    ['inbox', 'mail'],
    z.object({
      name: z.string(),
      jobs: z
        .array(z.object({ jobNumber: z.string(), title: z.string() }))
        .min(1)
        .max(10),
    }),
  ),
  /** お知らせ (IP-2): a notice written by staff (title ≤ 100, body ≤ 2,000 graphemes), to one seeker or an office's. */
  'notice.sent': kind(
    ['inbox', 'mail'],
    z.object({ name: z.string(), title: z.string().min(1), body: z.string() }),
  ),
  /** A new application to one of the employer's jobs (EM-2, AP-6, AP-7): in 求人者マイページ and by mail. */
  'application.received': kind(
    ['inbox', 'mail'],
    z.object({
      applicationId: z.string().uuid(),
      jobNumber: z.string(),
      title: z.string(),
      route: z.enum(['referral', 'direct']),
    }),
  ),
  /** CX-3, EM-2: the seeker cancelled an application; the employer is told the reason (and 備考). */
  'application.cancelled': kind(
    ['inbox', 'mail'],
    z.object({
      applicationId: z.string().uuid(),
      jobNumber: z.string(),
      title: z.string(),
      reason: z.enum(CANCEL_REASONS),
      note: z.string(),
    }),
  ),
  /** 選考結果通知 (EM-3): the employer registered 採用 or 不採用; the seeker is told by Hello Work. */
  'application.decided': kind(
    ['inbox', 'mail'],
    z.object({
      applicationId: z.string().uuid(),
      jobNumber: z.string(),
      title: z.string(),
      employerName: z.string(),
      result: z.enum(SELECTION_RESULTS),
    }),
  ),
  /**
   * A new entry in an application's thread (MS-1, ADR 0024), to the other side (`to`): a message, or
   * a step of arranging an interview (`startsAt` names the slot booked or cancelled). A booking also
   * confirms itself to the side that booked (`to` = `from`). Never the text itself: the mail says
   * where to read it, behind the sign-in.
   */
  'application.message': kind(
    ['inbox', 'mail'],
    z.object({
      applicationId: z.string().uuid(),
      jobNumber: z.string(),
      title: z.string(),
      employerName: z.string(),
      from: z.enum(THREAD_AUTHORS),
      to: z.enum(THREAD_AUTHORS),
      entry: z.enum(THREAD_ENTRY_KINDS),
      startsAt: instant.optional(),
    }),
  ),
  /** The reply promise (ADR 0023): the 回答予定日 passed without a 選考結果; the employer is reminded once. */
  'application.reply_overdue': kind(
    ['inbox', 'mail'],
    z.object({ applicationId: z.string().uuid(), jobNumber: z.string(), title: z.string(), dueOn: day }),
  ),
  /**
   * AP-5: a document was withheld (as suspect, or because its stored bytes could not be read back);
   * the seeker is told which, and to send it another way. Older rows have no reason: suspect.
   */
  'document.withheld': kind(
    ['inbox', 'mail'],
    z.object({
      applicationId: z.string().uuid(),
      fileName: z.string(),
      jobNumber: z.string(),
      title: z.string(),
      reason: z.enum(['suspect', 'unreadable']).optional(),
    }),
  ),
  /**
   * 新着求人 for a saved search (ADR 0025): mail only — a digest the seeker asked for, not a
   * message from Hello Work. Up to 20 jobs with their cards' key fields (`employerName` null when
   * 公開範囲 hides it), the search to see them all, and the signed token of the stop link.
   */
  'search.new_jobs': kind(
    ['mail'],
    z.object({
      name: z.string(),
      searchName: z.string(),
      frequency: z.enum(['daily', 'weekly']),
      total: z.number().int().min(1),
      capped: z.boolean(),
      jobs: z
        .array(
          z.object({
            jobNumber: z.string(),
            title: z.string(),
            employerName: z.string().nullable(),
            prefectureCode: z.string(),
            city: z.string(),
            wageType: z.enum(WAGE_TYPES),
            wageMin: z.number().int(),
            wageMax: z.number().int(),
          }),
        )
        .min(1)
        .max(20),
      searchQuery: z.string(),
      stopToken: z.string(),
    }),
  ),
  /** 求人者マイページ開設のご案内 (the employer has no MyPage yet: mail only). */
  'employer.invitation': kind(['mail'], z.object({ name: z.string(), establishmentNumber: z.string() })),
} as const;

export type NotificationKind = keyof typeof KINDS;
export const NOTIFICATION_KINDS = Object.keys(KINDS) as NotificationKind[];
export type NotificationData<K extends NotificationKind> = z.infer<(typeof KINDS)[K]['schema']>;

export const isNotificationKind = (value: string): value is NotificationKind => value in KINDS;
export const hasChannel = (k: NotificationKind, channel: Channel) => KINDS[k].channels.includes(channel);

/** The data with its mailed code removed (what may stay stored once the mail is out). */
export function scrubbed(data: Record<string, unknown>): Record<string, unknown> {
  const { code: _code, ...rest } = data;
  return rest;
}
