/** English strings: notifications. Same shape as ../ja/notifications.ts. */
import type { Messages } from '../ja.ts';

const signature = (baseUrl: string) =>
  `\n\n──────────────────\nHello Work Internet Service\n${baseUrl}\nThis address does not receive replies.`;

export const notifications: Messages['notifications'] = {
  kind: {
    'account.open_key': 'Password registration key',
    'account.already_open': 'MyPage already opened',
    'account.signup_key': 'MyPage opening key',
    'account.office_registered': 'Registered at the office',
    'account.login_code': 'Sign-in code',
    'account.lock_notice': 'Sign-in temporarily restricted',
    'account.reset_key': 'Password reset key',
    'account.password_changed': 'Password changed',
    'seeker.registered': 'Job-seeking registration completed',
    'seeker.registered_at_office': 'Job-seeking registration completed (office)',
    'seeker.registration_expiring': 'Registration about to lapse',
    'employer.invitation': 'Invitation to open Employer MyPage',
    'referral.sent': 'Jobs referred online by Hello Work',
    'information.jobs': 'Job information from Hello Work',
    'notice.sent': 'A notice from Hello Work',
    'application.received': 'A new application',
    'document.withheld': 'A document could not be sent',
    'application.cancelled': 'An application was cancelled',
    'application.decided': 'Selection result notice',
    'application.message': 'Message about an application',
    'application.reply_overdue': 'An application is past its reply date',
    'search.new_jobs': 'New jobs for a saved search',
  },
  mail: {
    threadSubject: {
      text: (fromEmployer) =>
        fromEmployer
          ? '[Hello Work] A message from the employer'
          : '[Hello Work] A message from an applicant',
      slots_offered: () => '[Hello Work] Interview slots offered',
      slot_booked: () => '[Hello Work] An interview was booked',
      slots_declined: () => '[Hello Work] Other interview dates requested',
      booking_cancelled: () => '[Hello Work] An interview was cancelled',
    },
    threadBody: (p) =>
      `${p.from}: ${p.what}, about the application to job ${p.jobNumber} "${p.title}".\n${p.when ? `Interview time: ${p.when}\n` : ''}\nRead it under Messages in ${p.portal} (this mail does not include it).\n${p.url}${signature(p.baseUrl)}`,
    threadConfirmSubject: '[Hello Work] Your interview booking',
    threadConfirmWhat: 'you booked an interview',
    threadWhat: {
      text: 'a new message',
      slots_offered: 'interview slots were offered',
      slot_booked: 'an interview was booked',
      slots_declined: 'other interview dates were requested',
      booking_cancelled: 'an interview was cancelled',
    },
    applicationCancelledSubject: '[Hello Work] An application to your job was cancelled',
    applicationCancelledBody: (p) =>
      `The applicant cancelled their application to job number ${p.jobNumber} "${p.title}".\n\nReason: ${p.reason}${p.note ? `\nRemarks: ${p.note}` : ''}\n\nThe documents they sent were erased from both MyPages.\nSee "Applicants" in your Employer MyPage.\n${p.baseUrl}/employer/applications/${p.applicationId}${signature(p.baseUrl)}`,
    applicationDecidedSubject: '[Hello Work] Selection result notice',
    applicationDecidedBody: (p) =>
      `${p.employerName} registered the selection result of your application to job number ${p.jobNumber} "${p.title}".\n\nResult: ${p.result}\n\nSee "Referral letter and selection result" under "Job-search activity" > "Applications" in your Job seeker MyPage.\n${p.baseUrl}/mypage/applications/${p.applicationId}/results${signature(p.baseUrl)}`,
    applicationReceivedSubject: '[Hello Work] A new application to your job',
    applicationReceivedBody: (p) =>
      `Job number ${p.jobNumber} "${p.title}" has a new application (${p.route === 'referral' ? 'through Online Hello Work Referral' : 'an online direct application'}).\n\nSign in to your Employer MyPage and open "Applicants" to read it.\n${p.baseUrl}/employer/applications/${p.applicationId}${signature(p.baseUrl)}`,
    documentWithheldSubject: '[Hello Work] A document of your application could not be sent',
    documentWithheldBody: (p) =>
      `In your application to job number ${p.jobNumber} "${p.title}", the document "${p.fileName}" ${p.reason === 'unreadable' ? 'could no longer be read in our system' : 'may contain a virus'}, so it was not sent to the employer.\n\nYour application itself is still valid. Please contact the employer by message or phone and send the document another way.\n\nYou can review the application under "Job-search activity" > "Applications" in your Job seeker MyPage.\n${p.baseUrl}/mypage/applications/${p.applicationId}${signature(p.baseUrl)}`,
    informationSubject: '[Hello Work] Job information from Hello Work',
    informationBody: (p) =>
      `Dear ${p.name},\n\nHello Work has sent you information on ${p.jobs.length === 1 ? 'a job' : `${p.jobs.length} jobs`}.\n\n${p.jobs
        .map((j) => `- Job number ${j.jobNumber}: ${j.title}`)
        .join(
          '\n',
        )}\n\nSign in to your Job seeker MyPage and open "Messages", or "Job information from Hello Work" on the home screen, to read them.\n${p.baseUrl}/login${signature(p.baseUrl)}`,
    noticeSubject: (title) => `[Hello Work] ${title}`,
    noticeBody: (p) =>
      `Dear ${p.name},\n\nHello Work has a notice for you.\n\n■ ${p.title}\n\n${p.body}\n\nYou can also read it under "Messages" in your Job seeker MyPage.\n${p.baseUrl}/login${signature(p.baseUrl)}`,
    referralSentSubject: '[Hello Work] Jobs referred to you online (Online Hello Work Referral)',
    referralSentBody: (p) =>
      `Dear ${p.name},\n\nHello Work has sent you ${p.jobs.length === 1 ? 'a job' : `${p.jobs.length} jobs`} as Online Hello Work Referral targets.\n\n${p.jobs
        .map((j) => `- Job number ${j.jobNumber}: ${j.title}\n  Apply by: ${j.applyBy}`)
        .join(
          '\n',
        )}\n\nSign in to your Job seeker MyPage and open "Online Hello Work Referral jobs" on the home screen to read them.\n${p.baseUrl}/login\n\nAfter the apply-by date a job is no longer shown and cannot be applied to. It can also become unavailable earlier, for example when the employer withdraws it.${signature(p.baseUrl)}`,
  },
  status: { queued: 'Waiting', sent: 'Sent', failed: 'Failed' },
  deliveries: {
    title: 'Mail sent',
    lead: 'The latest mails sent to this seeker (to answer "I did not get the mail").',
    empty: 'No mail has been sent.',
    caption: 'Mails sent (newest first)',
    columns: {
      kind: 'Kind',
      status: 'Status',
      queuedAt: 'Queued',
      sentAt: 'Sent',
      attempts: 'Attempts',
      error: 'Reason for failure',
    },
  },
};

/** The mail signature, for mail texts kept beside their feature's strings (e.g. applying.reply). */
export { signature as mailSignature };
