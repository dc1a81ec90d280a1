/** English strings: one's own history to take away. Same shape as ../ja/history.ts. */
import type { Messages } from '../ja.ts';

export const history: Messages['history'] = {
  section: {
    title: 'Download your job-search record',
    lead: 'Save your own records as files. They contain only your own information. On a shared computer, take care with the files you save.',
    activityCsv: 'Applications and referrals (CSV)',
    activityCsvNote:
      'A list of your applications and online Hello Work referrals: date, type, job number, employer, occupation, status, date of the status, referral letter number and apply-by date. Opens in Excel and other spreadsheets (UTF-8).',
    activityPdf: 'Job-search record (PDF)',
    activityPdfNote:
      'The same record, ready to print. You can show it at a Hello Work office, for example when your unemployment is certified.',
    interviewsIcs: 'Booked interviews (iCalendar)',
    interviewsIcsNote:
      'All your booked interviews in a file your calendar app can import (.ics), with the time, the kind of interview and the place or how to join.',
    favoritesCsv: 'Favourites (CSV)',
    favoritesCsvNote:
      'The jobs you keep as favourites: date added, job number, occupation, whether it is still published, and its URL.',
    searchesCsv: 'Saved search conditions (CSV)',
    searchesCsvNote:
      'Your saved search conditions: name, date saved, the conditions and the URL of their results.',
  },
  files: {
    activityCsv: (on) => `job-search-history_${on}.csv`,
    activityPdf: (on) => `job-search-record_${on}.pdf`,
    interviewsIcs: (on) => `interviews_${on}.ics`,
    favoritesCsv: (on) => `favourites_${on}.csv`,
    searchesCsv: (on) => `saved-searches_${on}.csv`,
  },
  kind: {
    referral: 'Online Hello Work referral',
    application: {
      referral: 'Application (online Hello Work referral)',
      direct: 'Application (online, on your own)',
    },
  },
  activityColumns: {
    on: 'Date',
    kind: 'Type',
    jobNumber: 'Job number',
    employer: 'Employer',
    title: 'Occupation',
    state: 'Status',
    endedOn: 'Date of status',
    letterNumber: 'Referral letter number',
    applyBy: 'Apply by',
  },
  favoriteColumns: {
    addedOn: 'Added on',
    jobNumber: 'Job number',
    title: 'Occupation',
    status: 'Published',
    url: 'URL',
  },
  favoriteStatus: { open: 'Published', closed: 'No longer published' },
  searchColumns: { name: 'Name', savedOn: 'Saved on', conditions: 'Conditions', url: 'URL' },
  pdf: {
    lang: 'en-GB',
    title: 'Job-search record',
    seeker: 'Name',
    seekerNumber: 'Job seeker number',
    createdOn: 'Created on',
    columns: { on: 'Date', kind: 'Activity', job: 'Job', state: 'Status' },
    none: 'No applications or referrals are recorded.',
    note: 'This record was made from the applications and online Hello Work referrals recorded in your job seeker MyPage of the Hello Work Internet Service. Job-search activities outside MyPage, such as counselling at the counter or by phone and seminars, are not included.',
    author: 'Hello Work Internet Service',
    job: (jobNumber, employer, title) => `${jobNumber}\n${employer}\n${title}`,
    stateOn: (state, on) => `${state} (${on})`,
  },
};
