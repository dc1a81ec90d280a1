import { describe, expect, it } from 'vitest';
import {
  defaultReferralDeadline,
  employerMayEdit,
  isJobValid,
  jobVisibility,
  mayAccept,
  mayClose,
  onlineApplicationProblem,
  referralDeadlineProblem,
  staffMayEdit,
} from '../../src/modules/jobs/job.rules.ts';

describe('ST-3 紹介期限日 at 受理', () => {
  it('ST-3 defaults to 翌々月末 (the end of the month after next), across a year end and a short February', () => {
    expect(defaultReferralDeadline('2026-11-21')).toBe('2027-01-31');
    expect(defaultReferralDeadline('2026-11-01')).toBe('2027-01-31');
    expect(defaultReferralDeadline('2026-12-31')).toBe('2027-02-28');
    expect(defaultReferralDeadline('2027-12-01')).toBe('2028-02-29');
  });

  it('ST-3 accepts any date from today until 翌々月末 and refuses the rest', () => {
    const today = '2026-11-21';
    expect(referralDeadlineProblem('2026-11-21', today)).toBeNull();
    expect(referralDeadlineProblem('2026-12-15', today)).toBeNull();
    expect(referralDeadlineProblem('2027-01-31', today)).toBeNull();
    expect(referralDeadlineProblem('2026-11-20', today)).toBe('deadline_past');
    expect(referralDeadlineProblem('2027-02-01', today)).toBe('deadline_too_late');
  });
});

describe('SR-6 有効/無効', () => {
  it('SR-6 an open job is valid through its 紹介期限日, then not; other statuses never are', () => {
    const job = { status: 'open' as const, referralDeadline: '2027-01-31' };
    expect(isJobValid(job, '2027-01-31')).toBe(true);
    expect(isJobValid(job, '2027-02-01')).toBe(false);
    expect(isJobValid({ ...job, status: 'withdrawn' }, '2026-12-01')).toBe(false);
    expect(isJobValid({ ...job, status: 'invalid' }, '2026-12-01')).toBe(false);
    expect(isJobValid({ status: 'submitted', referralDeadline: null }, '2026-12-01')).toBe(false);
  });
});

describe('SR-4 公開範囲 and who sees what', () => {
  const job = { status: 'open' as const, employerId: 'e1', publicationScope: 'full' as const };
  const owner = { role: 'employer', employerId: 'e1' } as const;
  const other = { role: 'employer', employerId: 'e2' } as const;

  it('SR-4 公開範囲 1 is public to everyone', () => {
    for (const viewer of [{ role: 'public' } as const, { role: 'seeker' } as const, other, owner]) {
      expect(jobVisibility(job, viewer)).toBe('full');
    }
  });

  it('SR-4 公開範囲 2 hides 事業所名等 from everyone but staff and the owner', () => {
    const anonymous = { ...job, publicationScope: 'anonymous' as const };
    expect(jobVisibility(anonymous, { role: 'public' })).toBe('anonymous');
    expect(jobVisibility(anonymous, { role: 'seeker' })).toBe('anonymous');
    expect(jobVisibility(anonymous, other)).toBe('anonymous');
    expect(jobVisibility(anonymous, owner)).toBe('full');
    expect(jobVisibility(anonymous, { role: 'staff' })).toBe('full');
  });

  it('SR-4 公開範囲 3 and jobs not yet accepted are hidden except from staff and the owner', () => {
    for (const hiddenJob of [
      { ...job, publicationScope: 'private' as const },
      { ...job, status: 'draft' as const },
      { ...job, status: 'submitted' as const },
    ]) {
      expect(jobVisibility(hiddenJob, { role: 'public' })).toBe('hidden');
      expect(jobVisibility(hiddenJob, { role: 'seeker' })).toBe('hidden');
      expect(jobVisibility(hiddenJob, other)).toBe('hidden');
      expect(jobVisibility(hiddenJob, owner)).toBe('full');
      expect(jobVisibility(hiddenJob, { role: 'staff' })).toBe('full');
    }
  });

  it('OR-5 SR-4 the seeker a job was sent to as a referral target sees the whole accepted 求人票, whatever its 公開範囲', () => {
    const target = { role: 'seeker', referralTarget: true } as const;
    for (const scope of ['full', 'anonymous', 'private'] as const) {
      expect(jobVisibility({ ...job, publicationScope: scope }, target)).toBe('full');
      expect(jobVisibility({ ...job, status: 'withdrawn', publicationScope: scope }, target)).toBe('full');
    }
    // Never a job that was not accepted; and a seeker without the flag is any seeker.
    expect(jobVisibility({ ...job, status: 'draft' }, target)).toBe('hidden');
    expect(jobVisibility({ ...job, status: 'submitted' }, target)).toBe('hidden');
    expect(
      jobVisibility({ ...job, publicationScope: 'private' }, { role: 'seeker', referralTarget: false }),
    ).toBe('hidden');
  });

  it('SR-4 an ended job stays visible (it says it is invalid) unless it was private', () => {
    expect(jobVisibility({ ...job, status: 'withdrawn' }, { role: 'public' })).toBe('full');
    expect(
      jobVisibility({ ...job, status: 'invalid', publicationScope: 'private' }, { role: 'public' }),
    ).toBe('hidden');
  });
});

describe('EM-4 ST-3 who may change a job when', () => {
  it('EM-4 the employer edits the whole 求人票 only before 受理; ST-3 staff also while open', () => {
    expect(
      ['draft', 'submitted', 'open', 'invalid', 'withdrawn'].map((s) => employerMayEdit(s as never)),
    ).toEqual([true, true, false, false, false]);
    expect(
      ['draft', 'submitted', 'open', 'invalid', 'withdrawn'].map((s) => staffMayEdit(s as never)),
    ).toEqual([true, true, true, false, false]);
  });

  it('ST-3 受理 applies before acceptance; 無効・取下げ only to open jobs', () => {
    expect(mayAccept('submitted')).toBe(true);
    expect(mayAccept('draft')).toBe(true);
    expect(mayAccept('open')).toBe(false);
    expect(mayClose('open')).toBe(true);
    expect(mayClose('submitted')).toBe(false);
    expect(mayClose('withdrawn')).toBe(false);
  });
});

describe('EM-4 AP-7 オンライン自主応募 needs 求人者マイページ', () => {
  it('AP-7 refuses accepting online applications when the employer has not opened 求人者マイページ', () => {
    expect(onlineApplicationProblem(true, { mypageOpenedAt: null })).toBe('employer_mypage_not_opened');
    expect(
      onlineApplicationProblem(true, { mypageOpenedAt: new Date('2026-11-01T00:00:00Z') }),
    ).toBeUndefined();
    expect(onlineApplicationProblem(false, { mypageOpenedAt: null })).toBeUndefined();
  });
});
