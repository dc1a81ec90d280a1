/**
 * Renders a notification's mail in a locale, from the strings in src/i18n (ja and en). The worker
 * calls this with the recipient's stored language; nothing else builds mail text (ADR 0013).
 */
import { type Locale, type Messages, messages } from '../../i18n/index.ts';
import { prefectureName } from '../geo/geo.data.ts';
import { KINDS, type NotificationData, type NotificationKind } from './kinds.ts';

export interface RenderedMail {
  subject: string;
  text: string;
}

type Template<K extends NotificationKind> = (
  t: Messages,
  d: NotificationData<K>,
  baseUrl: string,
) => RenderedMail;

const portalName = (t: Messages, portal: 'seeker' | 'employer') =>
  portal === 'seeker' ? t.site.seekerPortal : t.site.employerPortal;

/** One template per kind; the Messages type makes every locale provide every string. */
export const TEMPLATES: { [K in NotificationKind]: Template<K> } = {
  'account.open_key': (t, d, baseUrl) => ({
    subject: t.accounts.mail.openKeySubject,
    text: t.accounts.mail.openKeyBody({
      name: d.name,
      code: d.code,
      expires: new Date(d.expires),
      baseUrl,
      portal: portalName(t, d.portal),
    }),
  }),
  'account.already_open': (t, d, baseUrl) => ({
    subject: t.accounts.mail.alreadyOpenSubject,
    text: t.accounts.mail.alreadyOpenBody({ baseUrl, portal: portalName(t, d.portal) }),
  }),
  'account.signup_key': (t, d, baseUrl) => ({
    subject: t.accounts.mail.openKeySubject,
    text: t.accounts.mail.signupKeyBody({ code: d.code, expires: new Date(d.expires), baseUrl }),
  }),
  'account.office_registered': (t, _d, baseUrl) => ({
    subject: t.registration.mail.officeRegisteredSubject,
    text: t.registration.mail.officeRegisteredBody({ baseUrl }),
  }),
  'account.login_code': (t, d, baseUrl) => ({
    subject: t.accounts.mail.loginCodeSubject,
    text: t.accounts.mail.loginCodeBody({ code: d.code, expires: new Date(d.expires), baseUrl }),
  }),
  'account.lock_notice': (t, d, baseUrl) => ({
    subject: t.accounts.mail.lockSubject,
    text: t.accounts.mail.lockBody({ until: new Date(d.until), baseUrl }),
  }),
  'account.reset_key': (t, d, baseUrl) => ({
    subject: t.accounts.mail.resetSubject,
    text: t.accounts.mail.resetBody({ code: d.code, expires: new Date(d.expires), baseUrl }),
  }),
  'account.password_changed': (t, d, baseUrl) => ({
    subject: t.accounts.mail.passwordChangedSubject,
    text: t.accounts.mail.passwordChangedBody({ at: new Date(d.at), baseUrl }),
  }),
  'seeker.registered': (t, d, baseUrl) => ({
    subject: t.accounts.mail.registeredSubject,
    text: (d.opened ? t.accounts.mail.registeredOpenedBody : t.accounts.mail.registeredBody)({
      name: d.name,
      seekerNumber: d.seekerNumber,
      validUntil: t.common.date(d.validUntil),
      baseUrl,
    }),
  }),
  'seeker.registered_at_office': (t, d, baseUrl) => ({
    subject: t.accounts.mail.registeredSubject,
    text: t.accounts.mail.registeredAtOfficeBody({
      name: d.name,
      seekerNumber: d.seekerNumber,
      validUntil: t.common.date(d.validUntil),
      baseUrl,
    }),
  }),
  'seeker.registration_expiring': (t, d, baseUrl) => ({
    subject: t.accounts.mail.expirySubject,
    text: t.accounts.mail.expiryBody({ name: d.name, validUntil: t.common.date(d.validUntil), baseUrl }),
  }),
  'referral.sent': (t, d, baseUrl) => ({
    subject: t.notifications.mail.referralSentSubject,
    text: t.notifications.mail.referralSentBody({
      name: d.name,
      jobs: d.jobs.map((j) => ({
        jobNumber: j.jobNumber,
        title: j.title,
        applyBy: t.common.date(j.applyBy),
      })),
      baseUrl,
    }),
  }),
  'information.jobs': (t, d, baseUrl) => ({
    subject: t.notifications.mail.informationSubject,
    text: t.notifications.mail.informationBody({ name: d.name, jobs: d.jobs, baseUrl }),
  }),
  'notice.sent': (t, d, baseUrl) => ({
    subject: t.notifications.mail.noticeSubject(d.title),
    text: t.notifications.mail.noticeBody({ name: d.name, title: d.title, body: d.body, baseUrl }),
  }),
  'application.received': (t, d, baseUrl) => ({
    subject: t.notifications.mail.applicationReceivedSubject,
    text: t.notifications.mail.applicationReceivedBody({ ...d, baseUrl }),
  }),
  'application.cancelled': (t, d, baseUrl) => ({
    subject: t.notifications.mail.applicationCancelledSubject,
    text: t.notifications.mail.applicationCancelledBody({
      ...d,
      reason: t.applying.cancel.reasons[d.reason],
      baseUrl,
    }),
  }),
  'application.decided': (t, d, baseUrl) => ({
    subject: t.notifications.mail.applicationDecidedSubject,
    text: t.notifications.mail.applicationDecidedBody({
      ...d,
      result: t.applying.result.results[d.result],
      baseUrl,
    }),
  }),
  'application.message': (t, d, baseUrl) => {
    const m = t.notifications.mail;
    const toSeeker = d.to === 'seeker';
    const confirmation = d.to === d.from;
    const path = toSeeker
      ? `/mypage/applications/${d.applicationId}`
      : `/employer/applications/${d.applicationId}`;
    return {
      subject: confirmation ? m.threadConfirmSubject : m.threadSubject[d.entry](toSeeker),
      text: m.threadBody({
        from: confirmation ? t.threads.you : d.from === 'employer' ? d.employerName : t.threads.applicant,
        what: confirmation ? m.threadConfirmWhat : m.threadWhat[d.entry],
        jobNumber: d.jobNumber,
        title: d.title,
        when: d.startsAt ? t.threads.interview.when(new Date(d.startsAt)) : undefined,
        portal: portalName(t, toSeeker ? 'seeker' : 'employer'),
        url: `${baseUrl}${path}/messages`,
        baseUrl,
      }),
    };
  },
  'application.reply_overdue': (t, d, baseUrl) => ({
    subject: t.applying.reply.mail.subject,
    text: t.applying.reply.mail.body({ ...d, dueOn: t.common.date(d.dueOn), baseUrl }),
  }),
  'document.withheld': (t, d, baseUrl) => ({
    subject: t.notifications.mail.documentWithheldSubject,
    text: t.notifications.mail.documentWithheldBody({ ...d, baseUrl }),
  }),
  'search.new_jobs': (t, d, baseUrl) => {
    const en = t.locale.htmlLang === 'en';
    return {
      subject: t.alerts.mail.subject(d.searchName),
      text: t.alerts.mail.body({
        name: d.name,
        searchName: d.searchName,
        frequency: t.alerts.frequency[d.frequency],
        total: d.total,
        capped: d.capped,
        jobs: d.jobs.map((j) => ({
          jobNumber: j.jobNumber,
          title: j.title,
          employerName: j.employerName,
          place: `${prefectureName(j.prefectureCode, t.locale.code)}${en ? ' ' : ''}${j.city}`,
          wage: t.jobs.values.wage(t.codes.wageType[j.wageType], t.common.yenRange(j.wageMin, j.wageMax)),
        })),
        searchUrl: `${baseUrl}/jobs?${d.searchQuery}`,
        stopUrl: `${baseUrl}/alerts/stop/${encodeURIComponent(d.stopToken)}`,
        settingsUrl: `${baseUrl}/mypage/searches`,
        baseUrl,
      }),
    };
  },
  'employer.invitation': (t, d, baseUrl) => ({
    subject: t.accounts.mail.employerRegisteredSubject,
    text: t.accounts.mail.employerRegisteredBody({
      name: d.name,
      establishmentNumber: d.establishmentNumber,
      baseUrl,
    }),
  }),
};

/** The mail of a stored notification; the data is validated against its kind's schema first. */
export function renderMail(
  kind: NotificationKind,
  data: unknown,
  locale: Locale,
  baseUrl: string,
): RenderedMail {
  const template = TEMPLATES[kind] as Template<NotificationKind> | undefined;
  if (!template) throw new Error(`no mail template for ${kind}`);
  const parsed = KINDS[kind].schema.parse(data) as NotificationData<NotificationKind>;
  return template(messages(locale), parsed as never, baseUrl);
}
