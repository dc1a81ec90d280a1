/**
 * やさしい日本語 stays rewritten (ADR 0034, issue 14): in the seeker- and visitor-facing groups that
 * are finished, no message of ja-easy is a copy of the ordinary Japanese one. A string (or a
 * function's output with sample arguments) that still has kanji and equals ja fails, unless it is
 * on the allowlist below with its reason. Staff and employer groups are not checked.
 */
import { describe, expect, it } from 'vitest';
import { ja } from '../../src/i18n/ja.ts';
import { jaEasy } from '../../src/i18n/ja-easy.ts';

/** The finished groups, as key paths with `/` between keys: every message under them is checked. */
const GROUPS = [
  'top/seekerLogin',
  'top/employerLogin',
  'top/employerOpen',
  'accounts/mail/openKeySubject',
  'applying/form',
  'applying/confirm',
  'applying/done',
  'applying/refusal',
  'applying/upload',
  'applying/refusalTitle',
  'applying/errors',
  'applying/kind',
  'applying/scan',
  'applying/withheldUnreadable',
  'applying/scanUnavailableNote',
  'applying/scanPendingNote',
  'applying/state',
  'applying/route',
  'applying/list',
  'applying/functions',
  'applying/detail',
  'applying/snapshot',
  'applying/letter',
  'applying/cancel',
  'applying/retention',
  // 選考結果: only what the seeker reads on 紹介状・選考結果通知.
  'applying/result/result',
  'applying/result/results',
  'applying/result/decidedAt',
  'applying/result/conditionsNoteShort',
  'applying/result/noticeTitle',
  'applying/result/letterSection',
  'applying/result/noticeSection',
  'applying/result/noLetter',
  'applying/result/pending',
  'applying/result/cancelledNotice',
  'applying/result/noticeLead',
  'applying/reply/label',
  'applying/reply/hint',
  'applying/reply/seekerOverdue',
  'referrals/seeker',
  'threads/writeRefusal',
  'threads/entry',
  'threads/errors',
  'threads/noteHint',
  'threads/interview/calendarSummary',
  'threads/interview/calendarDescription',
  'threads/refusal/seeker',
  'threads/notice',
  'threads/done/text',
  'threads/done/slot_booked',
  'threads/done/slots_declined',
  'threads/done/booking_cancelled',
  // The kinds a seeker receives (the keys themselves have dots).
  ...[
    'account.open_key',
    'account.already_open',
    'account.signup_key',
    'account.office_registered',
    'account.login_code',
    'account.lock_notice',
    'account.reset_key',
    'account.password_changed',
    'seeker.registered',
    'seeker.registered_at_office',
    'seeker.registration_expiring',
    'referral.sent',
    'information.jobs',
    'notice.sent',
    'document.withheld',
    'application.decided',
    'application.message',
    'search.new_jobs',
  ].map((kind) => `notifications/kind/${kind}`),
  'notifications/mail/threadSubject',
  'notifications/mail/threadConfirmSubject',
  'notifications/mail/threadConfirmWhat',
  'history',
  'codes/validityCause',
  'codes/jobCloseCause',
  'codes/industry',
  'jobs/values',
];

/** Copies kept on purpose, each with its reason. */
const ALLOWED: Record<string, string> = {
  'applying/letter/addressee': 'the 紹介状 keeps the official 「御中」 after the employer name',
  'history/files/activityCsv': 'a file name: the 窓口 recognises the official name; no ふりがな in names',
  'history/files/activityPdf': 'a file name (as above)',
  'history/files/interviewsIcs': 'a file name (as above)',
  'history/files/favoritesCsv': 'a file name (as above)',
  'history/files/searchesCsv': 'a file name (as above)',
  'history/pdf/author': 'a proper noun: ハローワークインターネットサービス',
};

const KANJI = /[\u4e00-\u9fff]/u;

/** A stand-in for any argument: reads as 'X' or 2, and any field or call gives another stand-in. */
function sample(): unknown {
  return new Proxy(() => 'X', {
    get(_target, prop) {
      if (prop === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : 'X');
      if (typeof prop === 'symbol') return undefined;
      if (prop === 'toString' || prop === 'valueOf') return () => 'X';
      return sample();
    },
    apply: () => 'X',
  });
}

function output(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    try {
      return String(fn(...Array.from({ length: Math.max(fn.length, 1) }, sample)));
    } catch {
      // A helper that needs a real value (formatDate wants an ISO date): not a message text.
      return `(${fn.name} needs a real argument)`;
    }
  }
  return undefined;
}

function at(root: unknown, path: string): unknown {
  let node = root;
  for (const k of path.split('/')) node = (node as Record<string, unknown> | undefined)?.[k];
  return node;
}

/** Every message path under `path`, with its ja and ja-easy values. */
function leaves(a: unknown, b: unknown, path: string, out: [string, unknown, unknown][] = []) {
  if (a && typeof a === 'object') {
    for (const k of Object.keys(a)) {
      leaves(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown> | undefined)?.[k],
        `${path}/${k}`,
        out,
      );
    }
  } else out.push([path, a, b]);
  return out;
}

/** The messages that are still a copy: kanji, equal output in both locales, not allowlisted. */
function copies(pairs: [string, unknown, unknown][]): string[] {
  return pairs
    .filter(([path, a, b]) => {
      const plain = output(a);
      return plain !== undefined && KANJI.test(plain) && plain === output(b) && !(path in ALLOWED);
    })
    .map(([path, a]) => `${path}: ${output(a)?.slice(0, 60)}`);
}

describe('やさしい日本語 coverage (ADR 0034, issue 14)', () => {
  const messagesOf = GROUPS.flatMap((g) => leaves(at(ja, g), at(jaEasy, g), g));

  it('the finished seeker-facing groups exist and hold messages', () => {
    for (const g of GROUPS) expect(at(ja, g), g).toBeDefined();
    expect(messagesOf.length).toBeGreaterThan(300);
  });

  it('no message of the finished groups is a copy of ordinary Japanese (or it is allowed, with a reason)', () => {
    expect(copies(messagesOf)).toEqual([]);
  });

  it('every allowlisted copy is still a copy (else the entry goes)', () => {
    const stale = Object.keys(ALLOWED).filter((path) => {
      const a = output(at(ja, path));
      return a === undefined || a !== output(at(jaEasy, path));
    });
    expect(stale).toEqual([]);
  });

  it('reports a copied string and a copied function, not a rewritten one or one without kanji', () => {
    const same = (n: number) => `${n}件`;
    expect(
      copies([
        ['a', '応募書類', '応募書類'],
        ['b', same, same],
        ['c', '応募書類', '応募書類《おうぼしょるい》'],
        ['d', 'URL', 'URL'],
        ['applying/letter/addressee', '御中', '御中'],
      ]),
    ).toEqual(['a: 応募書類', 'b: X件']);
  });
});
