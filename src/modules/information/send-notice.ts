/**
 * お知らせ (SPEC IP-2, G-3; ADR 0017): a notice written by staff, to one seeker of their office or
 * to every fully registered seeker of it. Each recipient gets one notify (inbox + mail in their
 * language) whose dedupe key is the form's key and the seeker: a double click, or a send that
 * stopped half-way and is sent again, reaches each person once. Office-wide sends run in
 * transactions of NOTICE_BATCH_SIZE recipients, so a large office never holds one long transaction.
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { notify, notifyMany } from '../notifications/notify.ts';
import type { InformationSeekerRefusal } from './information.rules.ts';
import { listOfficeRecipients } from './notices.repository.ts';
import { lockReachableSeeker } from './reachable-seeker.ts';

export const NOTICE_TITLE_MAX = 100;
export const NOTICE_BODY_MAX = 2000;
export const NOTICE_BATCH_SIZE = 500;

export interface NoticeText {
  title: string;
  body: string;
  /** The form's one-time key. */
  key: string;
}

const dedupeKey = (key: string, seekerId: string) => `notice:${key}:${seekerId}`;

export async function sendNoticeToSeeker(
  deps: Ports<'db' | 'clock' | 'queue'>,
  req: NoticeText & { seekerId: string; staffOfficeCode: string },
): Promise<{ ok: false; refusal: InformationSeekerRefusal } | { ok: true; repeated: boolean }> {
  const today = tokyoDate(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    const reachable = await lockReachableSeeker(tx, req, today);
    if (!reachable.ok) return reachable;
    const { seeker } = reachable;
    const notified = await notify(deps, tx, {
      recipient: { accountId: seeker.accountId },
      kind: 'notice.sent',
      data: { name: seeker.name, title: req.title, body: req.body },
      dedupeKey: dedupeKey(req.key, seeker.id),
    });
    return { ok: true as const, repeated: notified === null };
  });
}

/** Sends to every recipient of the office; returns how many were told now (0 when all had been). */
export async function sendOfficeNotice(
  deps: Ports<'db' | 'clock' | 'queue'>,
  req: NoticeText & { staffOfficeCode: string },
  batchSize = NOTICE_BATCH_SIZE,
): Promise<{ recipients: number; sent: number }> {
  const today = tokyoDate(deps.clock.now());
  let after: string | undefined;
  let recipients = 0;
  let sent = 0;
  for (;;) {
    const batch = await listOfficeRecipients(deps.db, req.staffOfficeCode, today, {
      ...(after ? { afterSeekerId: after } : {}),
      limit: batchSize,
    });
    if (batch.length === 0) break;
    // One notifyMany per batch: a fixed number of statements for its 500 recipients (ADR 0018).
    sent += await deps.db.transaction(async (tx) => {
      const notified = await notifyMany(
        deps,
        tx,
        batch.map((r) => ({
          recipient: { accountId: r.accountId },
          kind: 'notice.sent' as const,
          data: { name: r.name, title: req.title, body: req.body },
          dedupeKey: dedupeKey(req.key, r.seekerId),
        })),
      );
      return notified.filter(Boolean).length;
    });
    recipients += batch.length;
    after = batch[batch.length - 1]!.seekerId;
    if (batch.length < batchSize) break;
  }
  return { recipients, sent };
}
