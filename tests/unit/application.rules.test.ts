import { describe, expect, it } from 'vitest';
import {
  directApplyRefusal,
  draftProblem,
  MOTIVATION_MAX,
  mayCancel,
  referralApplyRefusal,
  takesDocumentsByMypage,
} from '../../src/modules/applications/application.rules.ts';
import { changedJobFields } from '../../src/modules/applications/snapshot.rules.ts';
import { contentDisposition } from '../../src/web/content-disposition.ts';

const seeker = { kind: 'registered' as const, active: true, validUntil: '2027-01-31' };
const target = { state: 'sent' as const, applyBy: '2026-11-28' };
const openJob = { status: 'open' as const, referralDeadline: '2027-01-31', closedOn: null };
/** 2026-11-28 23:59:59 in Tokyo is 14:59:59 UTC; 00:00:00 on the 29th is 15:00:00 UTC. */
const lastSecond = new Date('2026-11-28T14:59:59Z');
const nextDay = new Date('2026-11-28T15:00:00Z');

describe('OR-4 AP-6 applying to a referral target', () => {
  it('OR-4 open through 23:59:59 JST of its 応募期限日 and closed at 00:00:00 the next day (UTC 14:59:59 / 15:00:00)', () => {
    expect(referralApplyRefusal(seeker, target, openJob, lastSecond)).toBeUndefined();
    expect(referralApplyRefusal(seeker, target, openJob, nextDay)).toBe('target_closed');
  });
  it('OR-4 a withdrawn or 無効 job closes the target at once', () => {
    const now = new Date('2026-11-22T01:00:00Z');
    for (const status of ['withdrawn', 'invalid'] as const) {
      expect(referralApplyRefusal(seeker, target, { ...openJob, status, closedOn: '2026-11-22' }, now)).toBe(
        'target_closed',
      );
    }
  });
  it('OR-4 a job past its own 紹介期限日 closes the target even before the 応募期限日', () => {
    const job = { ...openJob, referralDeadline: '2026-11-25' };
    expect(referralApplyRefusal(seeker, target, job, new Date('2026-11-25T14:59:59Z'))).toBeUndefined();
    expect(referralApplyRefusal(seeker, target, job, new Date('2026-11-25T15:00:00Z'))).toBe('target_closed');
  });
  it('OR-4 an applied, declined, expired or withdrawn target cannot be applied to', () => {
    const now = new Date('2026-11-22T01:00:00Z');
    for (const state of ['applied', 'declined', 'expired', 'withdrawn'] as const) {
      expect(referralApplyRefusal(seeker, { ...target, state }, openJob, now)).toBe('target_closed');
    }
  });
  it('MP-8 MP-9 a 無効 or lapsed registration cannot apply, on the Tokyo side of midnight UTC too', () => {
    const now = new Date('2026-11-22T01:00:00Z');
    expect(referralApplyRefusal({ ...seeker, active: false }, target, openJob, now)).toBe(
      'registration_inactive',
    );
    const lapsing = { ...seeker, validUntil: '2026-11-27' };
    expect(referralApplyRefusal(lapsing, target, openJob, new Date('2026-11-27T14:59:59Z'))).toBeUndefined();
    expect(referralApplyRefusal(lapsing, target, openJob, new Date('2026-11-27T15:00:00Z'))).toBe(
      'registration_inactive',
    );
  });
});

describe('AP-7 オンライン自主応募', () => {
  const job = {
    status: 'open' as const,
    referralDeadline: '2027-01-31',
    acceptsOnlineApplication: true,
    employerMypageOpened: true,
  };
  const now = new Date('2026-11-21T01:00:00Z');
  it('AP-7 a fully registered or internet-only seeker may apply to a valid job that takes it', () => {
    expect(directApplyRefusal(seeker, job, now)).toBeUndefined();
    expect(directApplyRefusal({ ...seeker, kind: 'internet' }, job, now)).toBeUndefined();
  });
  it('AP-7 refused for a job that does not take it, is not valid, or whose employer has no MyPage', () => {
    expect(directApplyRefusal(seeker, { ...job, acceptsOnlineApplication: false }, now)).toBe(
      'not_accepting',
    );
    expect(directApplyRefusal(seeker, { ...job, status: 'withdrawn' }, now)).toBe('job_closed');
    expect(directApplyRefusal(seeker, { ...job, referralDeadline: '2026-11-20' }, now)).toBe('job_closed');
    expect(directApplyRefusal(seeker, { ...job, employerMypageOpened: false }, now)).toBe(
      'employer_unreachable',
    );
    expect(directApplyRefusal({ ...seeker, active: false }, job, now)).toBe('registration_inactive');
  });
  it('AP-7 the job is valid through the end of its 紹介期限日 in Tokyo', () => {
    const last = { ...job, referralDeadline: '2026-11-21' };
    expect(directApplyRefusal(seeker, last, new Date('2026-11-21T14:59:59Z'))).toBeUndefined();
    expect(directApplyRefusal(seeker, last, new Date('2026-11-21T15:00:00Z'))).toBe('job_closed');
  });
});

describe('AP-1 AP-4 the form', () => {
  const ok = { motivation: 'a', remarks: '', consented: true };
  it('AP-1 志望動機 is required and at most 600 characters as a person counts them', () => {
    expect(draftProblem(ok)).toBeUndefined();
    expect(draftProblem({ ...ok, motivation: '  ' })).toBe('motivation_missing');
    expect(draftProblem({ ...ok, motivation: 'あ'.repeat(MOTIVATION_MAX) })).toBeUndefined();
    expect(draftProblem({ ...ok, motivation: 'あ'.repeat(MOTIVATION_MAX + 1) })).toBe('motivation_too_long');
    // A family emoji (one grapheme of seven code points) and ｶﾞ count once each.
    expect(draftProblem({ ...ok, motivation: `${'あ'.repeat(598)}👨‍👩‍👧ｶﾞ` })).toBeUndefined();
    expect(draftProblem({ ...ok, remarks: 'い'.repeat(601) })).toBe('remarks_too_long');
    expect(draftProblem({ ...ok, consented: false })).toBe('no_consent');
  });
  it('AP-4 documents go through MyPage only when 応募書類の送付方法 includes 「求職者マイページからの登録」', () => {
    expect(takesDocumentsByMypage({ documentMethods: ['mail', 'mypage'] })).toBe(true);
    expect(takesDocumentsByMypage({ documentMethods: ['mail'] })).toBe(false);
    expect(takesDocumentsByMypage({ documentMethods: [] })).toBe(false);
  });
});

describe('CX-1 cancel window', () => {
  const appliedAt = new Date('2026-11-21T14:30:00Z');
  it('CX-1 offered for 24 hours after 「応募」, to the second, only while applied', () => {
    expect(mayCancel({ state: 'applied', appliedAt }, new Date('2026-11-22T14:29:59Z'))).toBe(true);
    expect(mayCancel({ state: 'applied', appliedAt }, new Date('2026-11-22T14:30:00Z'))).toBe(false);
    expect(mayCancel({ state: 'cancelled', appliedAt }, new Date('2026-11-21T15:00:00Z'))).toBe(false);
  });
});

describe('AL 紹介・応募時の求人票', () => {
  it('AL lists the items changed since applying, in page order', () => {
    const base = {
      title: '介護職',
      wageMin: 200000,
      workHours: [{ start: '09:00', end: '18:00' }],
      specialNotes: '',
    };
    const then = base as never;
    expect(changedJobFields(then, { ...base } as never)).toEqual([]);
    expect(changedJobFields(then, { ...base, wageMin: 190000, specialNotes: '変更' } as never)).toEqual([
      'wageMin',
      'specialNotes',
    ]);
    expect(
      changedJobFields(then, { ...base, workHours: [{ start: '09:00', end: '17:00' }] } as never),
    ).toEqual(['workHours']);
  });
});

describe('EM-1 downloads keep the original name (RFC 6266)', () => {
  it('EM-1 a Japanese name goes in filename* and an ASCII fallback in filename', () => {
    expect(contentDisposition('履歴書.pdf')).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''%E5%B1%A5%E6%AD%B4%E6%9B%B8.pdf`,
    );
  });
  it('HI-6 a readable ASCII name may be given for filename; it is cleaned the same way', () => {
    expect(contentDisposition('求職活動の記録_2026-11-21.pdf', 'job-search-record_2026-11-21.pdf')).toBe(
      `attachment; filename="job-search-record_2026-11-21.pdf"; filename*=UTF-8''${encodeURIComponent('求職活動の記録')}_2026-11-21.pdf`,
    );
    expect(contentDisposition('x.csv', 'a"b.csv')).toMatch(/^attachment; filename="a_b\.csv";/);
  });
  it('EM-1 quotes, backslashes and line breaks cannot break the header', () => {
    const h = contentDisposition('a"b\\c\r\nd.pdf');
    expect(h).toBe(`attachment; filename="a_b_c__d.pdf"; filename*=UTF-8''a%22b%5Cc%0D%0Ad.pdf`);
    expect(h).not.toMatch(/[\r\n]/);
  });
});
