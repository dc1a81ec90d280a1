import { describe, expect, it } from 'vitest';
import {
  applyByProblem,
  defaultApplyBy,
  isReferralLive,
  type JobFacts,
  jobRefusal,
  referralOpenForApplying,
  referralState,
  type SeekerFacts,
  seekerRefusal,
  splitJobNumbers,
  targetApplyBy,
} from '../../src/modules/referrals/referral.rules.ts';

const TODAY = '2026-11-21';
const seeker = (o: Partial<SeekerFacts> = {}): SeekerFacts => ({
  kind: 'registered',
  active: true,
  validUntil: '2027-01-31',
  mypageOpened: true,
  lastCounsellingOn: '2026-11-20',
  ...o,
});
const job = (o: Partial<JobFacts> = {}): JobFacts => ({
  status: 'open',
  referralDeadline: '2027-01-31',
  publicationScope: 'full',
  officeCode: '13010',
  employerMypageOpened: true,
  alreadyLive: false,
  ...o,
});

describe('OR-2 refusal reasons (pure)', () => {
  it('OR-2 a registered seeker with MyPage and a recent 職業相談 is not refused', () => {
    expect(seekerRefusal(seeker(), TODAY, 90)).toBeUndefined();
  });
  it('OR-2 internet-only, MyPage not opened, lapsed, 無効', () => {
    expect(seekerRefusal(seeker({ kind: 'internet' }), TODAY, 90)).toBe('internet_only');
    expect(seekerRefusal(seeker({ mypageOpened: false }), TODAY, 90)).toBe('mypage_not_opened');
    expect(seekerRefusal(seeker({ validUntil: '2026-11-20' }), TODAY, 90)).toBe('registration_lapsed');
    expect(seekerRefusal(seeker({ validUntil: TODAY }), TODAY, 90)).toBeUndefined();
    expect(seekerRefusal(seeker({ active: false }), TODAY, 90)).toBe('registration_inactive');
  });
  it('OR-2 no 職業相談, or the last one more than REFERRAL_COUNSELLING_DAYS ago', () => {
    expect(seekerRefusal(seeker({ lastCounsellingOn: undefined }), TODAY, 90)).toBe('no_counselling');
    // 2026-08-23 is exactly 90 days before 2026-11-21: still recent enough.
    expect(seekerRefusal(seeker({ lastCounsellingOn: '2026-08-23' }), TODAY, 90)).toBeUndefined();
    expect(seekerRefusal(seeker({ lastCounsellingOn: '2026-08-22' }), TODAY, 90)).toBe('counselling_too_old');
    expect(seekerRefusal(seeker({ lastCounsellingOn: '2026-11-01' }), TODAY, 14)).toBe('counselling_too_old');
  });
  it('OR-2 job reasons: unknown, 無効, withdrawn, not accepted, past 紹介期限日, private to another office, employer without MyPage, already live', () => {
    expect(jobRefusal(undefined, '13010', TODAY)).toBe('job_not_found');
    expect(jobRefusal(job({ status: 'invalid' }), '13010', TODAY)).toBe('job_invalid');
    expect(jobRefusal(job({ status: 'withdrawn' }), '13010', TODAY)).toBe('job_withdrawn');
    expect(jobRefusal(job({ status: 'submitted' }), '13010', TODAY)).toBe('job_not_open');
    expect(jobRefusal(job({ referralDeadline: '2026-11-20' }), '13010', TODAY)).toBe('job_deadline_passed');
    expect(jobRefusal(job({ referralDeadline: TODAY }), '13010', TODAY)).toBeUndefined();
    expect(jobRefusal(job({ publicationScope: 'private', officeCode: '27010' }), '13010', TODAY)).toBe(
      'job_private_other_office',
    );
    expect(jobRefusal(job({ publicationScope: 'private' }), '13010', TODAY)).toBeUndefined();
    expect(
      jobRefusal(job({ publicationScope: 'anonymous', officeCode: '27010' }), '13010', TODAY),
    ).toBeUndefined();
    expect(jobRefusal(job({ employerMypageOpened: false }), '13010', TODAY)).toBe(
      'employer_mypage_not_opened',
    );
    expect(jobRefusal(job({ alreadyLive: true }), '13010', TODAY)).toBe('already_live');
  });
});

describe('OR-4 応募期限日 (pure, Asia/Tokyo)', () => {
  it('OR-4 default is the Tokyo sending day + 7, also on the Tokyo side of midnight UTC', () => {
    expect(defaultApplyBy(new Date('2026-11-21T01:00:00Z'), 7)).toBe('2026-11-28');
    // 15:00 UTC is already 00:00 of the next day in Tokyo.
    expect(defaultApplyBy(new Date('2026-11-21T15:00:00Z'), 7)).toBe('2026-11-29');
    expect(defaultApplyBy(new Date('2026-11-21T23:59:59Z'), 7)).toBe('2026-11-29');
    expect(defaultApplyBy(new Date('2026-11-21T14:59:59Z'), 7)).toBe('2026-11-28');
    expect(defaultApplyBy(new Date('2026-12-28T16:00:00Z'), 7)).toBe('2027-01-05');
    expect(defaultApplyBy(new Date('2026-11-21T01:00:00Z'), 3)).toBe('2026-11-24');
  });
  it('OR-4 never past the job 紹介期限日: clamped, and said so', () => {
    expect(targetApplyBy('2026-11-28', '2027-01-31')).toEqual({ applyBy: '2026-11-28', clamped: false });
    expect(targetApplyBy('2026-11-28', '2026-11-25')).toEqual({ applyBy: '2026-11-25', clamped: true });
    expect(targetApplyBy('2026-11-25', '2026-11-25')).toEqual({ applyBy: '2026-11-25', clamped: false });
  });
  it('OR-4 a chosen day before today is refused; today is allowed', () => {
    expect(applyByProblem('2026-11-20', TODAY)).toBe('apply_by_past');
    expect(applyByProblem(TODAY, TODAY)).toBeUndefined();
  });
  it('OR-4 live through 23:59:59 JST of 応募期限日, gone at 00:00:00 JST the next day', () => {
    const t = { state: 'sent' as const, applyBy: '2026-11-28' };
    const j = { status: 'open' as const, referralDeadline: '2027-01-31', closedOn: null };
    expect(isReferralLive(t, j, new Date('2026-11-28T14:59:59Z'))).toBe(true);
    expect(isReferralLive(t, j, new Date('2026-11-28T15:00:00Z'))).toBe(false);
    expect(referralState(t, j, new Date('2026-11-28T15:00:00Z'))).toBe('expired');
    // Tokyo side of midnight UTC: 2026-11-27 16:00 UTC is 11-28 01:00 JST, still live.
    expect(isReferralLive(t, j, new Date('2026-11-27T16:00:00Z'))).toBe(true);
  });
  it('OR-4 ST-2 a withdrawn or 無効 job makes its target 取下げ at once; stored states stay', () => {
    const t = { state: 'sent' as const, applyBy: '2026-11-28' };
    const now = new Date('2026-11-22T01:00:00Z');
    expect(
      referralState(t, { status: 'withdrawn', referralDeadline: '2027-01-31', closedOn: '2026-11-22' }, now),
    ).toBe('withdrawn');
    expect(
      referralState(t, { status: 'invalid', referralDeadline: '2027-01-31', closedOn: '2026-11-22' }, now),
    ).toBe('withdrawn');
    // The job closed after the 応募期限日 had passed: the target had expired first.
    expect(
      referralState(
        t,
        { status: 'withdrawn', referralDeadline: '2027-01-31', closedOn: '2026-12-10' },
        new Date('2026-12-11T01:00:00Z'),
      ),
    ).toBe('expired');
    const open = { status: 'open' as const, referralDeadline: '2027-01-31', closedOn: null };
    expect(referralState({ state: 'applied', applyBy: '2026-11-28' }, open, now)).toBe('applied');
    expect(referralState({ state: 'declined', applyBy: '2026-11-28' }, open, now)).toBe('declined');
    expect(referralState(t, open, now)).toBe('open');
  });
});

describe('OR-5 AP-6 open for applying: the one rule behind 「応募（ハローワーク紹介）」 and the apply form', () => {
  const t = { state: 'sent' as const, applyBy: '2026-11-28' };
  const open = { status: 'open' as const, referralDeadline: '2027-01-31', closedOn: null };
  it('OR-5 open through 23:59:59 JST of the 応募期限日 (14:59:59 UTC), closed as 期限切れ at 00:00:00 JST (15:00:00 UTC)', () => {
    expect(referralOpenForApplying(t, open, new Date('2026-11-28T14:59:59Z'))).toEqual({ open: true });
    expect(referralOpenForApplying(t, open, new Date('2026-11-28T14:59:59.999Z'))).toEqual({ open: true });
    expect(referralOpenForApplying(t, open, new Date('2026-11-28T15:00:00Z'))).toEqual({
      open: false,
      state: 'expired',
    });
  });
  it('OR-5 clocks from 15:00 to 23:59 UTC are already the next Tokyo day', () => {
    // 2026-11-27 15:00–23:59 UTC is 11-28 00:00–08:59 JST: the 応募期限日 itself, open.
    for (const at of ['2026-11-27T15:00:00Z', '2026-11-27T18:30:00Z', '2026-11-27T23:59:59Z'])
      expect(referralOpenForApplying(t, open, new Date(at)).open).toBe(true);
    // 2026-11-28 15:00–23:59 UTC is 11-29 JST: closed.
    for (const at of ['2026-11-28T15:00:00Z', '2026-11-28T20:00:00Z', '2026-11-28T23:59:59Z'])
      expect(referralOpenForApplying(t, open, new Date(at))).toEqual({ open: false, state: 'expired' });
  });
  it('OR-4 OR-5 closed as 取下げ once the job is withdrawn, 無効 or past its 紹介期限日 before the 応募期限日', () => {
    const now = new Date('2026-11-22T01:00:00Z');
    for (const job of [
      { status: 'withdrawn' as const, referralDeadline: '2027-01-31', closedOn: '2026-11-22' },
      { status: 'invalid' as const, referralDeadline: '2027-01-31', closedOn: '2026-11-22' },
      { status: 'open' as const, referralDeadline: '2026-11-21', closedOn: null },
    ])
      expect(referralOpenForApplying(t, job, now)).toEqual({ open: false, state: 'withdrawn' });
    // The job's 紹介期限日 is the 応募期限日: open through that day too.
    expect(
      referralOpenForApplying(
        t,
        { status: 'open', referralDeadline: '2026-11-28', closedOn: null },
        new Date('2026-11-28T14:59:59Z'),
      ),
    ).toEqual({ open: true });
  });
  it('OR-5 closed once applied (応募済) or declined (辞退), whatever the day; stored 期限切れ / 取下げ stay closed', () => {
    const now = new Date('2026-11-22T01:00:00Z');
    expect(referralOpenForApplying({ ...t, state: 'applied' }, open, now)).toEqual({
      open: false,
      state: 'applied',
    });
    expect(referralOpenForApplying({ ...t, state: 'declined' }, open, now)).toEqual({
      open: false,
      state: 'declined',
    });
    expect(referralOpenForApplying({ ...t, state: 'expired' }, open, now)).toEqual({
      open: false,
      state: 'expired',
    });
    expect(referralOpenForApplying({ ...t, state: 'withdrawn' }, open, now)).toEqual({
      open: false,
      state: 'withdrawn',
    });
    expect(referralOpenForApplying(t, open, now)).toEqual({ open: true });
  });
});

describe('OR-1 求人番号 typed by staff', () => {
  it('splits lines, commas and spaces, folds full-width, drops repeats', () => {
    expect(
      splitJobNumbers('13010-00000001\n１３０１０−０００００００２, 13010-00000001 、13010-09999999'),
    ).toEqual(['13010-00000001', '13010-00000002', '13010-09999999']);
  });
});
