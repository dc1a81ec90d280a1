/** English strings: accounts. Same shape as ../ja/accounts.ts. */
import { formatTokyoDateTime } from '../../platform/dates.ts';
import type { Messages } from '../ja.ts';

const signature = (baseUrl: string) =>
  `\n\n──────────────────\nHello Work Internet Service\n${baseUrl}\nThis address does not receive replies.`;
const jst = (d: Date) => `${formatTokyoDateTime(d)} (Japan time)`;

export const accounts: Messages['accounts'] = {
  fields: {
    email: 'E-mail address',
    birthDate: 'Date of birth',
    password: 'Password',
    passwordConfirm: 'Password (again)',
    currentPassword: 'Current password',
    newPassword: 'New password',
    authKey: 'Verification key',
    loginCode: 'Sign-in code',
    agree: 'I agree',
    establishmentNumber: 'Establishment number',
    trustDevice: 'Trust this browser for 30 days (no code next time)',
  },
  hints: {
    birthDate: 'For example 1998-04-01',
    password: 'Half-width letters, digits and symbols combined, 8 to 32 characters',
    passwordNist: '8 to 64 characters. Easily guessed passwords cannot be used',
    authKey: 'The key in the mail “パスワード登録申込受付通知” (valid for 30 minutes after it was sent)',
    loginCode: 'The 6 digits we sent you by mail (valid for 10 minutes)',
    establishmentNumber: 'For example 1301-123456-7',
    email: 'The address you registered at the Hello Work office',
  },
  passwordProblems: {
    too_short: (min) => `Password must be at least ${min} characters`,
    too_long: (max) => `Password must be ${max} characters or fewer`,
    not_half_width: 'Password may contain half-width letters, digits and symbols only',
    invalid_chars: 'Password contains characters that cannot be used (control or broken characters)',
    needs_letter: 'Password must contain a letter',
    needs_digit: 'Password must contain a digit',
    needs_symbol: 'Password must contain a symbol (such as !, # or -)',
    common: 'This password is too easy to guess. Choose another one',
    contains_email: 'Password must not contain part of your e-mail address',
  },
  code: {
    wrong:
      'The verification key is not correct. Enter the key from the mail (if the key is no longer valid, please start again)',
    expired: 'The verification key has expired (30 minutes). Please start again',
    exhausted: 'The key was entered wrongly 5 times and no longer works. Please start again',
    missing: 'The verification key is no longer valid. Please start again',
    loginWrong: 'The sign-in code is not correct',
    loginExpired: 'The sign-in code has expired. Please sign in again',
    loginExhausted: 'The code was entered wrongly 5 times and no longer works. Please sign in again',
  },
  terms: {
    privacyTitle: 'Privacy policy',
    termsTitle: 'Terms of use',
    privacy: [
      'Personal data you enter is used for job placement, job and seeker information, and other Hello Work services.',
      'Except where the law requires, it is not given to third parties without your consent. An employer you apply to receives only what the application needs.',
      'Personal data is protected against unauthorised access and leaks.',
    ],
    terms: [
      'MyPage may be used only by its owner. Keep your ID (e-mail address) and password to yourself.',
      'On a shared computer, such as those at Hello Work offices, always sign out after use.',
      'Apply to jobs understanding that what you send is used by the employer for selection.',
    ],
    agreeLead: 'Read the privacy policy and terms of use, tick “I agree” and select “Continue”.',
  },
  open: {
    title: 'Open your job seeker MyPage (set a password)',
    stepAgree: 'Step 1: Agree to the privacy policy and terms of use',
    stepIdentify: 'Step 2: Your e-mail address and date of birth',
    identifyLead: 'Enter the e-mail address you registered at the Hello Work office and your date of birth.',
    sentTitle: 'We sent you the mail “パスワード登録申込受付通知”',
    sentLead: (email) =>
      `If ${email} and your date of birth match our records, a mail with your verification key is on its way.`,
    sentNote:
      'If no mail arrives after a while, check the address. If you filter mail, allow our sender and start again.',
    toPassword: 'Continue to password and verification key',
    stepPassword: 'Step 3: Password and verification key',
    passwordLead: 'Enter a password and the verification key, then select “Complete”.',
    doneTitle: 'Your MyPage is open',
    doneLead: 'Select “Go to sign-in” and sign in with your e-mail address and password.',
    doneImportant: 'Important: on a shared computer at a Hello Work office, always sign out after use.',
    toLogin: 'Go to sign-in',
    restart: 'Start again',
    notRegistered: 'Not registered at a Hello Work office? You can open a MyPage online.',
  },
  employerOpen: {
    title: 'Open your employer MyPage (set a password)',
    identifyLead: 'Enter the login e-mail address you gave Hello Work and your establishment number.',
    sentLead: (email) =>
      `If ${email} and the establishment number match our records, a mail with your verification key is on its way.`,
  },
  signup: {
    title: 'Open a job seeker MyPage online',
    lead: 'You can open a job seeker MyPage online without visiting a Hello Work office.',
    limitation:
      'Some functions, such as online referrals and job information from Hello Work, are then not available. Register at a Hello Work office to use them all.',
    emailLead: 'Enter the e-mail address you will sign in with. We will send you a verification key.',
    sentLead: (email) => `We sent a mail with your verification key to ${email}.`,
  },
  login: {
    title: 'Sign in',
    seekerTitle: 'Job seeker MyPage sign-in',
    employerTitle: 'Employer MyPage sign-in',
    staffTitle: 'Staff sign-in',
    submit: 'Sign in',
    failed:
      'The e-mail address or password is not correct. After repeated failures, sign-in is blocked for a while.',
    timedOut: 'You were signed out after a period of inactivity. Please sign in again.',
    loggedOut: 'You have signed out. On a shared computer, close the browser.',
    formKept: 'What you were sending has been kept. Sign in to send it again.',
    forgot: 'Forgotten your password?',
    noAccount: 'No MyPage yet?',
    codeTitle: 'Enter your sign-in code',
    codeLead: (email) => `We sent a sign-in code to ${email}. Enter the 6 digits from the mail.`,
    codeSubmit: 'Verify',
    notOpened: 'If you have not opened your MyPage (set a password) yet, do that first.',
  },
  keptForm: {
    title: 'What you were sending',
    lead: 'You were signed out after a period of inactivity, but what you were sending at that moment has been kept.',
    howTo:
      'Press “Send what I entered” to send it as it was. You can check and correct it on the page that follows.',
    expires: (until) => `It is kept until ${until} and deleted after that.`,
    send: 'Send what I entered',
    discard: 'Discard without sending',
    discarded: 'What you had entered has been discarded.',
  },
  reset: {
    title: 'Reset your password',
    lead: 'Enter your registered e-mail address. We will send you a verification key.',
    sentLead: (email) => `If ${email} is registered, we sent it a mail with a verification key.`,
    passwordLead: 'Enter a new password and the verification key from the mail.',
    doneTitle: 'Your password has been reset',
    doneLead: 'Sign in with your new password. You have been signed out on other devices.',
  },
  mail: {
    openKeySubject: 'パスワード登録申込受付通知 (Password registration)',
    openKeyBody: (p) =>
      `Dear ${p.name},\n\nWe received your request to set a password for ${p.portal}.\nEnter your password and this verification key on the password page:\n\nVerification key: ${p.code}\n\nThe key is valid for 30 minutes after this mail was sent (until ${jst(p.expires)}).\nIf it has expired, please start again.\n\nIf you did not ask for this, ignore this mail.${signature(p.baseUrl)}`,
    alreadyOpenSubject: 'Your MyPage is already open',
    alreadyOpenBody: (p) =>
      `Someone asked to set a password for ${p.portal}, but the MyPage for this address is already open.\nIf you have forgotten your password, use “Forgotten your password?” on the sign-in page.\n\nIf you did not ask for this, ignore this mail.${signature(p.baseUrl)}`,
    signupKeyBody: (p) =>
      `We received your request to open a job seeker MyPage.\nEnter your password and this verification key on the registration page:\n\nVerification key: ${p.code}\n\nThe key is valid for 30 minutes after this mail was sent (until ${jst(p.expires)}).\n\nIf you did not ask for this, ignore this mail.${signature(p.baseUrl)}`,
    loginCodeSubject: 'Your sign-in code',
    loginCodeBody: (p) =>
      `Your sign-in code:\n\nSign-in code: ${p.code}\n\nValid until ${jst(p.expires)} (10 minutes).\n\nIf you did not try to sign in, someone may know your password. Change it.${signature(p.baseUrl)}`,
    lockSubject: 'Sign-in temporarily blocked',
    lockBody: (p) =>
      `After repeated wrong passwords, sign-in to your account is blocked for a while.\nTry again after ${jst(p.until)}.\n\nIf this was not you, someone may be trying to sign in. Reset your password from “Forgotten your password?” on the sign-in page.${signature(p.baseUrl)}`,
    resetSubject: 'Resetting your password',
    resetBody: (p) =>
      `We received a request to reset your password.\nEnter a new password and this verification key on the reset page:\n\nVerification key: ${p.code}\n\nThe key is valid for 30 minutes after this mail was sent (until ${jst(p.expires)}).\n\nIf you did not ask for this, ignore this mail; your password stays as it is.${signature(p.baseUrl)}`,
    passwordChangedSubject: 'Your password was changed',
    passwordChangedBody: (p) =>
      `Your password was changed at ${jst(p.at)}.\nIf this was not you, reset your password now and contact Hello Work.${signature(p.baseUrl)}`,
    registeredSubject: 'Your job seeker registration is complete',
    registeredBody: (p) =>
      `Dear ${p.name},\n\nYour job seeker registration at Hello Work is complete.\nSeeker number: ${p.seekerNumber}\nValid until: ${p.validUntil}\n\nOpen your job seeker MyPage to keep jobs, see your applications and receive online referrals.\nUse this e-mail address and your date of birth at:\n${p.baseUrl}/mypage/open${signature(p.baseUrl)}`,
    registeredOpenedBody: (p) =>
      `Dear ${p.name},\n\nYour job-seeker registration at Hello Work is complete.\nJob seeker number: ${p.seekerNumber}\nValid until: ${p.validUntil}\n\nSign in to your MyPage with the e-mail address and password you already set.\n${p.baseUrl}/login${signature(p.baseUrl)}`,
    registeredAtOfficeBody: (p) =>
      `Dear ${p.name},\n\nYour job-seeker registration at the Hello Work office is complete. What you registered on the internet and your MyPage stay as they are.\nJob seeker number: ${p.seekerNumber}\nValid until: ${p.validUntil}\n\nFrom now on you can also use what needs an office registration, such as counselling and online Hello Work referrals.\n${p.baseUrl}/login${signature(p.baseUrl)}`,
    employerRegisteredSubject: 'Opening your employer MyPage',
    employerRegisteredBody: (p) =>
      `Dear ${p.name},\n\nYour establishment is registered at Hello Work.\nEstablishment number: ${p.establishmentNumber}\n\nOpen your employer MyPage to see applicants, exchange messages and register selection results.\nUse this e-mail address and the establishment number at:\n${p.baseUrl}/employer/open${signature(p.baseUrl)}`,
    expirySubject: 'Your job seeker registration expires soon',
    expiryBody: (p) =>
      `Dear ${p.name},\n\nYour job seeker registration is valid until ${p.validUntil}.\nAfter that you cannot receive online referrals or message employers (you can still read your data and applications).\n\nTo keep looking for work, have a counselling session at Hello Work or apply to a job before then; the registration is extended by one month.${signature(p.baseUrl)}`,
  },
};
