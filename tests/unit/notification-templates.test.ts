/**
 * Every notification kind renders in every locale (ADR 0013): a kind without a template, or a
 * locale without its strings, fails here before any mail is queued.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import {
  KINDS,
  NOTIFICATION_KINDS,
  type NotificationData,
  type NotificationKind,
  scrubbed,
} from '../../src/modules/notifications/kinds.ts';
import { renderMail, TEMPLATES } from '../../src/modules/notifications/render.ts';

const expires = '2026-11-21T01:30:00.000Z';

/** Sample data for each kind; the type makes a new kind without a sample a compile error. */
const SAMPLES: { [K in NotificationKind]: NotificationData<K> } = {
  'account.open_key': { name: '見本 太郎', portal: 'seeker', code: '123456', expires },
  'account.already_open': { portal: 'employer' },
  'account.signup_key': { code: '234567', expires },
  'account.office_registered': {},
  'account.login_code': { code: '345678', expires },
  'account.lock_notice': { until: expires },
  'account.reset_key': { code: '456789', expires },
  'account.password_changed': { at: expires },
  'seeker.registered': {
    name: '見本 太郎',
    seekerNumber: '13010-00000001',
    validUntil: '2027-01-31',
    opened: false,
  },
  'seeker.registered_at_office': {
    name: '見本 太郎',
    seekerNumber: '13010-00000001',
    validUntil: '2027-01-31',
  },
  'seeker.registration_expiring': { name: '見本 太郎', validUntil: '2027-01-31' },
  'employer.invitation': { name: '株式会社見本', establishmentNumber: '1301-000001-1' },
  'information.jobs': {
    name: '見本 太郎',
    jobs: [{ jobNumber: '13010-09999999', title: '介護福祉士' }],
  },
  'search.new_jobs': {
    name: '見本 太郎',
    searchName: '検索条件1',
    frequency: 'daily',
    total: 1,
    capped: false,
    jobs: [
      {
        jobNumber: '13010-09999999',
        title: '介護福祉士',
        employerName: null,
        prefectureCode: '13',
        city: '千代田区',
        wageType: 'monthly',
        wageMin: 205000,
        wageMax: 290000,
      },
    ],
    searchQuery: 'kw=%E4%BB%8B%E8%AD%B7&new=2&sort=new',
    stopToken: '6f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f.abc',
  },
  'notice.sent': { name: '見本 太郎', title: '年末年始の開庁日', body: '12月29日から1月3日は閉庁します。' },
  'application.received': {
    applicationId: '6f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f',
    jobNumber: '13010-09999999',
    title: '介護福祉士',
    route: 'referral',
  },
  'application.cancelled': {
    applicationId: '6f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f',
    jobNumber: '13010-09999999',
    title: '介護福祉士',
    reason: 'other',
    note: '家族の介護が必要になったため',
  },
  'application.decided': {
    applicationId: '6f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f',
    jobNumber: '13010-09999999',
    title: '介護福祉士',
    employerName: '株式会社見本',
    result: 'not_hired',
  },
  'application.message': {
    applicationId: '6f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f',
    jobNumber: '13010-09999999',
    title: '介護福祉士',
    employerName: '株式会社見本',
    from: 'employer',
    to: 'seeker',
    entry: 'slot_booked',
    startsAt: '2026-12-10T01:00:00.000Z',
  },
  'application.reply_overdue': {
    applicationId: '6f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f',
    jobNumber: '13010-09999999',
    title: '介護福祉士',
    dueOn: '2026-11-28',
  },
  'document.withheld': {
    applicationId: '6f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f',
    fileName: '履歴書.pdf',
    jobNumber: '13010-09999999',
    title: '介護福祉士',
  },
  'referral.sent': {
    name: '見本 太郎',
    jobs: [
      { jobNumber: '13010-09999999', title: '介護福祉士', applyBy: '2026-11-28' },
      { jobNumber: '13010-00000001', title: '一般事務', applyBy: '2026-11-25' },
    ],
  },
};

describe('notification templates', () => {
  it('every kind has a template and a sample', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  for (const kind of NOTIFICATION_KINDS) {
    for (const locale of LOCALES) {
      it(`${kind} renders in ${locale}`, () => {
        const mail = renderMail(kind, SAMPLES[kind], locale, 'https://hw.example.jp');
        expect(mail.subject.trim()).not.toBe('');
        expect(mail.text.trim()).not.toBe('');
        for (const broken of ['undefined', 'NaN', 'Invalid Date', '[object Object]'])
          expect(mail.text + mail.subject).not.toContain(broken);
        expect(mail.text).toContain('https://hw.example.jp');
        if (KINDS[kind].secret) expect(mail.text).toContain((SAMPLES[kind] as { code: string }).code);
        expect(messages(locale).notifications.kind[kind]).toBeTruthy();
      });
    }

    it(`${kind} reads differently in English than in Japanese`, () => {
      const ja = renderMail(kind, SAMPLES[kind], 'ja', 'https://hw.example.jp');
      const en = renderMail(kind, SAMPLES[kind], 'en', 'https://hw.example.jp');
      expect(en.text).not.toBe(ja.text);
    });
  }

  it('renders dates in the reader’s language (Asia/Tokyo)', () => {
    const data = SAMPLES['seeker.registration_expiring'];
    expect(renderMail('seeker.registration_expiring', data, 'ja', 'x').text).toContain('2027年1月31日');
    expect(renderMail('seeker.registration_expiring', data, 'en', 'x').text).toContain('31 Jan 2027');
  });

  it('refuses data that does not fit its kind', () => {
    expect(() => renderMail('account.login_code', { code: 'abc', expires }, 'ja', 'x')).toThrow();
  });

  it('kinds with a code are mail-only, and scrubbing removes the code only', () => {
    for (const kind of NOTIFICATION_KINDS)
      if (KINDS[kind].secret) expect(KINDS[kind].channels).toEqual(['mail']);
    expect(scrubbed({ code: '123456', expires, name: 'a' })).toEqual({ expires, name: 'a' });
  });
});
