/** English: the second locale. Same shape as ja.ts (the Messages type enforces it). */
import { formatEnglishDate } from '../platform/dates.ts';
import { accounts } from './en/accounts.ts';
import { alerts } from './en/alerts.ts';
import { applying } from './en/applying.ts';
import { codes } from './en/codes.ts';
import { employer } from './en/employer.ts';
import { history } from './en/history.ts';
import { information } from './en/information.ts';
import { jobs } from './en/jobs.ts';
import { notifications } from './en/notifications.ts';
import { opendata } from './en/opendata.ts';
import { referrals } from './en/referrals.ts';
import { registration } from './en/registration.ts';
import { search } from './en/search.ts';
import { seeker } from './en/seeker.ts';
import { staff } from './en/staff.ts';
import { threads } from './en/threads.ts';
import type { Messages } from './ja.ts';

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

export const en: Messages = {
  locale: { code: 'en' as const, name: 'English', switchTo: '日本語', htmlLang: 'en' },
  site: {
    name: 'Hello Work Internet Service',
    seekerPortal: 'Job seeker MyPage',
    employerPortal: 'Employer MyPage',
    staffPortal: 'Hello Work staff console',
    skipToContent: 'Skip to main content',
    footer: 'Hello Work Internet Service (open implementation)',
    breadcrumb: 'Breadcrumb',
    mainNav: 'Main menu',
    languageNav: 'Language',
    description: {
      public:
        'Search the jobs registered with Hello Work by occupation, place of work, wage and more, and apply online from the job seeker MyPage.',
      seeker:
        'Job seeker MyPage: search jobs, see referrals from Hello Work and your applications, and read your messages.',
      employer:
        'Employer MyPage: manage your job postings, see applicants, register selection results and exchange messages.',
      staff:
        'Hello Work staff console: register job seekers and employers, counselling, referrals and information.',
    },
    jobDescription: (title: string, company: string, place: string) =>
      `${title} | ${company} | Place of work: ${place}. A job registered with Hello Work.`,
  },
  nav: {
    home: 'Home',
    search: 'Job search',
    activity: 'Job search activity',
    messages: 'Messages',
    settings: 'Profile and settings',
    login: 'Sign in',
    logout: 'Sign out',
    employerHome: 'Employer MyPage',
    employerJobs: 'Job postings',
    employerApplications: 'Applicants',
    employerMessages: 'Messages',
    staffHome: 'Staff home',
    staffSeekers: 'Job seekers',
    staffEmployers: 'Employers',
    staffJobs: 'Jobs',
  },
  common: {
    charsLeft: '{n} characters left',
    charsOver: '{n} characters too many',
    notChosen: 'Not chosen',
    next: 'Continue',
    back: 'Back',
    cancel: 'Cancel',
    save: 'Save',
    complete: 'Complete',
    search: 'Search',
    required: 'Required',
    optional: 'Optional',
    none: 'None',
    yes: 'Yes',
    no: 'No',
    notRequired: 'Not required',
    yen,
    yenRange: (min, max) => (min === max ? yen(min) : `${yen(min)} – ${yen(max)}`),
    people: (n) => `${n} ${n === 1 ? 'person' : 'people'}`,
    persons: (n) => `${n.toLocaleString('en-US')} ${n === 1 ? 'person' : 'people'}`,
    days: (n) => `${n} ${n === 1 ? 'day' : 'days'}`,
    minutes: (n) => `${n} min`,
    hours: (n) => `${n} h`,
    count: (n) => `${n.toLocaleString('en-US')} ${n === 1 ? 'result' : 'results'}`,
    date: formatEnglishDate,
    choiceNumber: (n) => `Choice ${n}`,
    colon: ': ',
    list: ', ',
    dotList: ', ',
    paren: (text) => ` (${text})`,
  },
  errors: {
    summaryTitle: 'There is a problem',
    notFoundTitle: 'Page not found',
    notFoundBody:
      'We could not find that page. Check the address, or the page may have moved or been removed.',
    serverErrorTitle: 'Sorry, this page is not available right now',
    serverErrorBody:
      'Something went wrong on our side. Please try again later. What you entered may not have been saved.',
    requestId: (id) => `If you contact us, quote this reference: ${id}`,
    forbiddenTitle: 'You cannot view this page',
    forbiddenBody: 'The account you are signed in with cannot use this page.',
    csrfTitle: 'This page has expired',
    csrfBody: 'For your security we did not accept this action. Go back, reload the page and try again.',
    rateLimitedTitle: 'Please wait a moment',
    rateLimitedBody: 'There were too many attempts in a short time. Please try again later.',
    tooLargeTitle: 'What you sent is too large',
    tooLargeBody: 'The data exceeds the allowed size. Reduce it and try again.',
    unavailableTitle: 'The service is busy',
    unavailableBody: 'Please try again in a little while.',
    databaseUnavailableTitle: 'The service is temporarily unavailable',
    databaseUnavailableBody:
      'The system is switching over and cannot be used for a moment. Please wait a little and then try the same step again.',
    badRequestTitle: 'We could not accept that',
    badRequestBody: 'The input or the order of steps was not right. Go back and try again.',
    backToTop: 'Back to the top page',
  },
  validation: {
    required: (label) => `Enter ${label.toLowerCase()}`,
    requiredSelect: (label) => `Select ${label.toLowerCase()}`,
    requiredCheck: (label) => `Tick “${label}”`,
    tooLong: (label, max) => `${label} must be ${max} characters or fewer`,
    tooShort: (label, min) => `${label} must be at least ${min} characters`,
    email: (label) => `Enter ${label.toLowerCase()} in the form name@example.jp`,
    date: (label) => `${label} must be a real date in the form 2000-01-31`,
    integer: (label) => `${label} must be a number`,
    min: (label, min) => `${label} must be ${min.toLocaleString('en-US')} or more`,
    max: (label, max) => `${label} must be ${max.toLocaleString('en-US')} or less`,
    tooMany: (label, max) => `Choose up to ${max} for ${label.toLowerCase()}`,
    invalidChoice: (label) => `Choose one of the options for ${label.toLowerCase()}`,
    pattern: (label) => `${label} is not in the right format`,
    kana: (label) => `${label} must be written in katakana`,
    phone: (label) => `${label} may contain digits and hyphens only (e.g. 03-1234-5678)`,
    postalCode: (label) => `${label} must be 7 digits (e.g. 100-8916)`,
    jobNumber: (label) => `${label} must look like 13010-09999999`,
    invalid: (label) => `${label} is not valid`,
    invalidChars: (label) =>
      `${label} contains characters that cannot be used (control characters or a broken character “�”). Remove them and try again`,
    passwordMismatch: () => 'The two passwords do not match',
  },
  top: {
    title: 'Hello Work Internet Service',
    lead: 'For people looking for work and for businesses looking for staff.',
    searchHeading: 'Find a job',
    searchLabel: 'Keywords (job title, duties, area …)',
    searchButton: 'Search jobs',
    jobCount: (n) => `${n.toLocaleString('en-US')} jobs are open now.`,
    seekerHeading: 'Looking for work',
    openMyPage: 'Open your job seeker MyPage (set a password)',
    openMyPageNote:
      'If you registered at a Hello Work office, open MyPage with the e-mail address you gave there.',
    signupInternet: 'Open a job seeker MyPage without visiting an office',
    signupInternetNote: 'You can register online only; some functions then are not available.',
    seekerLogin: 'Sign in to job seeker MyPage',
    employerHeading: 'For employers',
    employerLogin: 'Sign in to employer MyPage',
    employerOpen: 'Open your employer MyPage (set a password)',
    staffHeading: 'Hello Work staff',
    staffLogin: 'Staff sign-in',
  },
  accounts,
  codes,
  registration,
  seeker,
  staff,
  employer,
  jobs,
  search,
  notifications,
  referrals,
  applying,
  threads,
  alerts,
  information,
  history,
  opendata,
  dev: {
    mailTitle: 'Sent mail (development)',
    mailLead: 'No SMTP_URL is set, so outgoing mail is kept here. This page does not exist in production.',
    mailEmpty: 'No mail yet.',
    to: 'To',
    subject: 'Subject',
    sentAt: 'Sent',
    back: 'Back to the list',
  },
};
