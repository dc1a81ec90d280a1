/**
 * Who may write in an application's thread, and what a message may be (SPEC MS-1..MS-3, ADR 0023),
 * decided without I/O. The pages ask these to show 「新規メッセージを作成」 or the reason it is
 * disabled; the use cases ask them again, under the application's lock, before anything is written.
 */
import { tokyoDate } from '../../platform/dates.ts';
import { charCount } from '../../platform/fields.ts';
import { registrationStatus } from '../seekers/registration.rules.ts';

/** A thread message, 備考 of an interview step included: at most 2,000 characters as a person counts them. */
export const MESSAGE_MAX = 2000;

export interface ThreadFacts {
  appliedAt: Date;
  /** Documents of the application still waiting for their virus scan (AP-5). */
  pendingScans: number;
  seeker: { active: boolean; validUntil: string };
  employerMypageOpened: boolean;
}

export type ThreadRefusal =
  /** MS-1: the employer has not opened 求人者マイページ, so nobody would read it. */
  | 'employer_unreachable'
  /** MS-3: the seeker's registration is 無効 (or lapsed). */
  | 'registration_inactive'
  /** MS-2: just after 「応募」, until the hold has passed and the documents are scanned. */
  | 'processing';

/**
 * Why nobody may write in this thread now, or undefined when both sides may. The same for the seeker
 * and the employer: a message to a seeker whose registration is 無効 is refused as one from them is.
 */
export function threadRefusal(f: ThreadFacts, now: Date, holdMs: number): ThreadRefusal | undefined {
  if (!f.employerMypageOpened) return 'employer_unreachable';
  if (registrationStatus(f.seeker, tokyoDate(now)) !== 'active') return 'registration_inactive';
  if (processingUntil(f, holdMs) > now.getTime() || f.pendingScans > 0) return 'processing';
  return undefined;
}

/** The end of the hold after 「応募」 (epoch ms); scanning may keep the thread closed past it. */
export function processingUntil(f: Pick<ThreadFacts, 'appliedAt'>, holdMs: number): number {
  return f.appliedAt.getTime() + holdMs;
}

export type MessageProblem = 'body_missing' | 'body_too_long';

/** A message as stored: line ends made \n, NFC, trailing white space of the whole removed. */
export function normaliseMessage(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC').trimEnd();
}

/** A written message needs text; an interview step's note may be empty. Both at most MESSAGE_MAX. */
export function messageProblem(body: string, required: boolean): MessageProblem | undefined {
  if (required && body.trim() === '') return 'body_missing';
  if (charCount(body) > MESSAGE_MAX) return 'body_too_long';
  return undefined;
}
