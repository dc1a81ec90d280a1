/** English strings: applying. Same shape as ../ja/applying.ts. */
import { DEFAULT_RETENTION_MONTHS } from '../../modules/applications/retention.rules.ts';
import { formatEnglishDate } from '../../platform/dates.ts';
import type { Messages } from '../ja.ts';
import { mailSignature } from './notifications.ts';

const ordinal = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

/** DR-1: the end of the N-th month after the month the job became invalid. */
const retentionPeriod = (months: number) =>
  months === 1
    ? 'the end of the month after the month the job became invalid'
    : `the end of the ${ordinal(months)} month after the month the job became invalid`;

const retentionFormNote = (months: number) =>
  `Documents are erased automatically from both MyPages when you cancel the application, when the employer registers a selection result, or when ${retentionPeriod(months)} has passed.`;

export const applying: Messages['applying'] = {
  directButton: 'Apply online directly',
  directButtonNote:
    'You apply to the employer directly, without Hello Work (online direct application). No referral letter is issued. The history and results appear under "Job-search activity".',
  directLoginNote: 'Sign in to your Job seeker MyPage to apply online directly.',
  form: {
    titleReferral: 'Apply to a job referred online',
    titleDirect: 'Online direct application',
    lead: 'Please read the notes on each item (motivation, remarks, documents) below.',
    target: 'The job',
    motivation: 'Motivation (up to 600 characters)',
    motivationHint: 'Required',
    remarks: 'Remarks (up to 600 characters)',
    remarksHint:
      'If there is anything you want the employer to know when you apply — family members who need care, or physical points to take into account at work — write it here. Optional.',
    documents: 'Upload your résumé, work history, Job Card or other documents',
    documentsLead:
      'You can upload the résumé, work history, Job Card or other documents you made and send them to the employer.',
    documentNotes: [
      'Up to 4 files, each at most 2 MB.',
      'Only .doc, .docx, .xls, .xlsx, .pdf, .jpg, .jpeg, .png, .bmp and .gif files can be uploaded.',
      'Do not protect files with a password.',
      'If a document may contain a virus, your application is still valid but the document cannot be sent. We will tell you by message; please contact the employer by message or phone and send it another way.',
      retentionFormNote(DEFAULT_RETENTION_MONTHS),
    ],
    noMypageDocuments:
      'This employer does not take documents through Job seeker MyPage ("Register from Job seeker MyPage" is not among its ways to send documents). Please send them the way the employer asks.',
    documentMethodsLabel: 'How to send documents',
    keptFiles: 'Uploaded documents',
    noKeptFiles: 'No documents uploaded yet.',
    fileRow: (n) => `Document ${n}`,
    kind: 'Kind of document',
    kindPlaceholder: 'Choose',
    file: 'File',
    upload: 'Upload',
    remove: 'Remove',
    addRow: 'Add a file',
    removeRow: 'Remove this field',
    roomLeft: (n) => `You can upload ${n} more.`,
    full: 'Up to 4 documents. To replace one, remove a document first.',
    consent: 'I agree that the information above will be used by the employer for selection.',
    consentLegend: 'Consent',
    next: 'Next',
    cancel: 'Cancel',
    counter: (n, max) => `${n} / ${max} characters`,
  },
  confirm: {
    titleReferral: 'Check your application to the referred job',
    titleDirect: 'Check your online direct application',
    lead: 'Check the contents and press "Apply". The employer is notified at that moment.',
    referralNote:
      'When you apply, the job referral is established, the employer is notified, and a referral letter is issued in both MyPages.',
    submit: 'Apply',
    back: 'Back to the form',
    noDocuments: 'No documents attached.',
  },
  done: {
    title: 'Application sent',
    body: 'The employer has been notified. You can review the application under "Job-search activity" > "Applications".',
    letterIssued: 'A referral letter has been issued.',
  },
  refusal: {
    target_closed:
      'You can no longer apply to this job: its apply-by date has passed or the job was withdrawn, so it is no longer an Online Hello Work Referral target.',
    job_closed:
      'This job is not valid (invalid, withdrawn, or past its referral deadline), so you cannot apply.',
    not_accepting: 'This job does not accept online direct applications.',
    employer_unreachable: 'This employer has not opened Employer MyPage, so you cannot apply online.',
    registration_inactive:
      'Your registration is switched off or has lapsed, so you cannot apply. Check "Profile and settings" or ask Hello Work.',
    already_applied: 'You have already applied to this job. See "Applications" for it.',
    no_draft: 'Your form could not be found. Please fill it in again.',
  },
  upload: {
    empty: 'The file is empty.',
    too_large: 'Each file can be at most 2 MB.',
    not_allowed:
      'Only .doc, .docx, .xls, .xlsx, .pdf, .jpg, .jpeg, .png, .bmp and .gif files can be uploaded.',
    type_mismatch: 'The contents of the file do not match its extension. Choose a file of the right type.',
    encrypted: 'Password-protected files cannot be uploaded. Remove the password and upload it again.',
    corrupt: 'The file is damaged or cannot be read.',
    zip_bomb: 'The contents of the file cannot be checked, so it cannot be uploaded.',
    polyglot: 'The file contains data of another format, so it cannot be uploaded.',
    too_many_pixels: 'The image is too large to upload.',
    too_many: 'You can upload up to 4 files.',
    kind_required: 'Choose the kind of document.',
    unexpected_file: 'This file cannot be accepted.',
    body_too_large:
      'What was sent is too large, so no file was accepted. Check what you typed and choose the files again.',
    truncated: 'The upload was cut off, so no file was accepted. Please choose the files again.',
    malformed: 'What was sent could not be read. Please try again.',
    too_many_fields: 'What was sent could not be read. Please try again.',
    fields_too_large: 'What you typed is too long.',
    field_too_long: 'What you typed is too long.',
  },
  refusalTitle: 'You cannot apply',
  errors: {
    consent: 'Please read the consent and tick it.',
  },
  kind: { resume: 'Résumé', work_history: 'Work history', job_card: 'Job Card', other: 'Other' },
  scan: { pending: 'Being checked', clean: 'Checked', withheld: 'Not sent (may contain a virus)' },
  withheldUnreadable: 'Not sent (the file can no longer be read)',
  scanUnavailableNote:
    'Virus scanning is unavailable at the moment, so uploaded documents stay “Being checked”. They do not reach the employer until they have been checked.',
  scanPendingNote:
    'Until the virus check is done, the employer sees "Being checked" and does not receive the file.',
  state: { applied: 'Applied', cancelled: 'Cancelled', hired: 'Hired', not_hired: 'Not hired' },
  route: { referral: 'Online Hello Work Referral', direct: 'Online direct application' },
  list: {
    title: 'Applications',
    lead: 'The jobs you applied to, their referral letters and what you sent. Past applications stay here as history.',
    empty: 'You have not applied to any job yet.',
    caption: 'Your applications (newest first)',
    appliedAt: 'Applied',
    route: 'How',
    state: 'Status',
    letterNumber: 'Referral letter no.',
  },
  functions: {
    newMessage: 'Write a new message',
    jobNow: 'The job now',
    snapshot: 'The job as when you applied',
    content: 'What you sent',
    cancel: 'Cancel the application',
    cancelNote: 'You can cancel within 24 hours of applying.',
    cancelClosed:
      'More than 24 hours have passed, so you cannot cancel from MyPage. Please contact the employer directly by message or phone.',
    cancelOpen: (until) => `You can cancel this application until ${until}.`,
    letter: 'Referral letter (your copy)',
    results: 'Referral letter and selection result',
    noLetter: 'No referral letter: this was an online direct application.',
  },
  detail: {
    title: 'What you sent',
    motivation: 'Motivation',
    remarks: 'Remarks',
    documents: 'Documents',
    noDocuments: 'None',
    documentsElsewhere: 'Send your documents the way the employer asks.',
    fileSize: (bytes) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`,
  },
  snapshot: {
    title: 'The job as when you applied',
    lead: (at) => `The job posting as it was when you applied on ${at}.`,
    changed: 'Changed since you applied',
    noChanges: 'Nothing has changed since you applied.',
    current: 'Now',
  },
  letter: {
    lang: 'en',
    seekerKana: 'Name in kana',
    officeAddress: 'Address',
    officePhone: 'Telephone',
    addressee: (employer) => `To: ${employer}`,
    seekerCopyNote:
      'This is the job seeker’s own copy. The same referral letter has been issued in the employer’s MyPage.',
    formatDate: formatEnglishDate,
    title: 'Referral letter',
    seekerCopy: 'Referral letter (your copy)',
    pdf: 'Open as PDF',
    print: 'Print',
    number: 'Letter number',
    issuedOn: 'Issued on',
    seeker: 'Person referred',
    seekerNumber: 'Job seeker number',
    jobNumber: 'Job number',
    employer: 'Employer',
    employerAddress: 'Employer address',
    occupation: 'Occupation',
    selection: 'Selection',
    office: 'Referring office',
    sentence: 'We refer the person below. Please let us know the result of your selection.',
  },
  cancel: {
    title: 'Cancel an application',
    confirmTitle: 'Confirm the cancellation',
    lead: 'Within 24 hours of applying you can cancel the application from Job seeker MyPage.',
    cautionTitle: 'Please note',
    caution: 'If you withdraw, be sure to tell the employer that you are declining.',
    afterWindow:
      'After 24 hours you cannot cancel from Job seeker MyPage: be sure to contact the employer directly by message or telephone.',
    deadline: (at) => `Cancel by: ${at}`,
    target: 'The application to cancel',
    reason: 'Reason for cancelling',
    reasonHint: 'Choose the reason for cancelling',
    note: 'Remarks (up to 300 characters)',
    noteHint: 'If you choose "Other", write the reason in the remarks (up to 300 characters)',
    consent:
      "The employer is told of the cancellation together with its reason. The documents you sent the employer are erased from Job seeker MyPage and from the employer's MyPage.",
    consentLegend: 'Notice',
    next: 'Next',
    back: 'Back to the form',
    toList: 'Cancel',
    confirmLead: 'Check the details and press "Done". The employer is told when you press it.',
    complete: 'Done',
    doneTitle: 'Application cancelled',
    done: 'We told the employer of the cancellation and its reason. The documents you sent were erased from both MyPages.',
    reasons: {
      found_job: 'I found another job',
      rechecked_conditions: 'I checked the conditions again',
      family: 'Family reasons',
      health: 'Health reasons',
      other: 'Other',
    },
    errors: {
      reason_missing: 'Choose the reason for cancelling',
      note_missing: 'If you choose "Other", write the reason in the remarks',
      note_too_long: 'Remarks must be 300 characters or fewer',
      no_consent: 'Read the notice and tick it',
    },
    refusalTitle: 'This application cannot be cancelled',
    refusal: {
      window_closed:
        'More than 24 hours have passed since you applied, so you cannot cancel from Job seeker MyPage. Be sure to contact the employer directly by message or telephone.',
      decided:
        'The employer has registered a selection result for this application, so it cannot be cancelled.',
      invalid: 'We could not read what you entered. Please enter it again.',
    },
    cancelledAt: 'Cancelled',
    cancelledReason: 'Reason for cancelling',
    cancelledNote: 'Remarks',
  },
  result: {
    title: 'Register the selection result',
    lead: 'When you register the result, Hello Work sends the applicant a selection result notice. The documents they sent are erased from both MyPages at that point.',
    result: 'Selection result',
    results: { hired: 'Hired', not_hired: 'Not hired' },
    conditions: 'Differences between the working conditions in the job posting and those of the hire',
    conditionsValues: { yes: 'Yes', no: 'No' },
    conditionsNote: 'What differs (up to 300 characters)',
    conditionsNoteHint: 'If you choose "Yes", describe how the conditions differ from the job posting',
    submit: 'Register',
    done: 'The selection result was registered and the applicant was notified.',
    errors: {
      result_missing: 'Choose the selection result',
      conditions_missing: 'Choose whether the conditions differ from the job posting',
      note_missing: 'If the conditions differ, describe what differs',
      note_too_long: 'What differs must be 300 characters or fewer',
    },
    refusalTitle: 'The selection result cannot be registered',
    refusal: {
      cancelled: 'The applicant cancelled this application, so no result can be registered.',
      decided: 'A selection result has already been registered for this application.',
      invalid: 'We could not read what you entered. Please enter it again.',
    },
    retentionEnded: (period) =>
      `The retention period of the documents has ended (${period} has passed), so no result can be registered any more.`,
    decidedAt: 'Result registered',
    conditionsNoteShort: 'What differs',
    noticeTitle: 'Referral letter and selection result',
    letterSection: 'Referral letter',
    noticeSection: 'Selection result notice',
    noLetter: 'No referral letter: this was an online direct application.',
    pending: 'No selection result yet. We will tell you by message and e-mail when there is one.',
    cancelledNotice: 'This application was cancelled.',
    noticeLead: (employer) => `${employer} registered a selection result.`,
  },
  retention: {
    period: retentionPeriod,
    formNote: retentionFormNote,
    label: 'Documents erased on',
    erasedLabel: 'Documents erased',
    erased: (at, cause) => `Erased on ${at} (${cause})`,
    causes: {
      cancelled: 'the application was cancelled',
      decided: 'a selection result was registered',
      retention: 'the retention period ended',
    },
    scheduled: (on, period) =>
      `To be erased on ${on} (after ${period}; earlier if the application is cancelled or a result is registered)`,
    afterClose: (period) =>
      `To be erased when ${period} has passed (earlier if the application is cancelled or a result is registered)`,
    erasedDocuments: 'The documents were erased.',
  },
  staff: {
    title: 'Applications',
    lead: 'Applications by online referral and online direct application, and their results.',
    caption: 'Applications (newest first)',
    none: 'No applications yet.',
    appliedAt: 'Applied',
    jobNumber: 'Job number',
    occupation: 'Occupation',
    employer: 'Employer',
    route: 'How',
    state: 'Status',
    result: 'Result',
    conditions: 'Conditions differ',
    documents: 'Documents',
    resultOn: (state, at) => `${state} (${at})`,
    byOtherMeans: 'Not through MyPage (by post or otherwise)',
  },
  employer: {
    navTitle: 'Applicants',
    title: 'Applicants',
    lead: 'Applications to your jobs, newest first.',
    empty: 'No applications yet.',
    caption: 'Applications (newest first)',
    allJobs: 'All jobs',
    filterJob: 'Filter by job',
    filter: 'Show',
    applicant: 'Applicant',
    appliedAt: 'Applied',
    documents: 'Documents',
    documentsCount: (n) => `${n} file${n === 1 ? '' : 's'}`,
    download: 'Download',
    withheld: 'Not delivered: it may contain a virus',
    withheldUnreadable: 'Not delivered: the file can no longer be read',
    pending: 'Being checked for viruses; not downloadable yet',
    applicantFields: {
      name: 'Name',
      kana: 'Name (kana)',
      birthDate: 'Date of birth',
      phone: 'Phone',
      address: 'Address',
    },
    jobApplications: (n) => `Applications to this job (${n})`,
    notices: 'New notices',
    noNotices: 'No new notices.',
  },
  reply: {
    label: 'Reply expected by',
    hint: 'The date the selection result is due, from the days stated under "Result notified within" in the job posting.',
    seekerOverdue:
      'The reply date has passed and no selection result has arrived yet. Hello Work is checking with the employer.',
    employerOverdue: (days) =>
      `The reply date passed ${days} day${days === 1 ? '' : 's'} ago. Please register the selection result.`,
    overdueShort: (days) => `${days} day${days === 1 ? '' : 's'} overdue`,
    none: '—',
    notice: (dueOn) => ` (reply expected by ${dueOn})`,
    mail: {
      subject: '[Hello Work] An application is past its reply date',
      body: (p) =>
        `The reply date (${p.dueOn}) of an application to job ${p.jobNumber} "${p.title}" has passed, and no selection result has been registered.\n\nThe applicant was told this date, from the days stated under "Result notified within" in the job posting. Please register the selection result under "Applicants" in Employer MyPage. If the selection takes longer, please let the applicant know.\n${p.baseUrl}/employer/applications/${p.applicationId}${mailSignature(p.baseUrl)}`,
    },
    staff: {
      title: 'Applications past their reply date',
      lead: 'Applications of the seekers registered at your office with no selection result after their reply date (latest reply date first).',
      caption: 'Applications past their reply date (latest reply date first)',
      empty: 'No application is past its reply date.',
      appliedAt: 'Applied on',
      job: 'Job number and title',
      employer: 'Employer',
      seeker: 'Job seeker',
      dueOn: 'Reply expected by',
      daysOverdue: 'Days overdue',
      remindedAt: 'Employer reminded',
      days: (n) => `${n} day${n === 1 ? '' : 's'}`,
      notReminded: 'Not yet',
      noLogin: 'Not sent (the employer has no MyPage login)',
    },
  },
};
