/** English strings: registration. Same shape as ../ja/registration.ts. */
import type { Messages } from '../ja.ts';

const signature = (baseUrl: string) =>
  `\n\n──────────────────\nHello Work Internet Service\n${baseUrl}\nThis address does not receive replies.`;

export const registration: Messages['registration'] = {
  signup: {
    stepAgree: 'Step 1: Privacy policy and terms of use',
    stepEmail: 'Step 2: Your e-mail address',
    emailHint: 'You will sign in with this address',
    sentTitle: 'We sent you a mail with a verification key',
    sentNote:
      'If no mail arrives after a while, check that the address is right. If you filter incoming mail, allow our mail and start again.',
    toPassword: 'Enter a password and the verification key',
    stepPassword: 'Step 3: Password and verification key',
    passwordLead:
      'Enter a password and the verification key from the mail, then choose “Next”. You will then enter your details.',
    authKeyHint: 'The key in the mail (valid for 30 minutes after it was sent)',
    restart: 'Start again',
    officeRegistered: 'If you registered at a Hello Work office, open your MyPage here instead.',
  },
  wizard: {
    title: 'Your job seeker registration',
    progress: 'Registration steps',
    stepOf: (n, total) => `Step ${n} of ${total}`,
    currentStep: '(current step)',
    lead: 'You can save part-way with “Save for now” and continue from here the next time you sign in.',
    saved: 'Saved for now',
    savedNote: 'You can continue from here the next time you sign in.',
    saveDraft: 'Save for now',
    back: 'Back',
    submit: 'Register',
    edit: 'Change',
    confirmLead: 'Check your answers, then choose “Register”.',
    checkNotice: 'Something on this page needs correcting before you can register.',
    optionalStep: 'This page is optional. You can go on without filling it in.',
    notEntered: 'Not entered',
  },
  steps: {
    basic: 'Basic details',
    info: 'Sharing and information',
    work: 'Desired job and hours',
    place: 'Desired place and wage',
    education: 'Education/qualifications',
    career: 'Work history',
    disability: 'Disability information',
    pr: 'About you',
    confirm: 'Check your answers',
  },
  fields: {
    name: 'Full name',
    nameKana: 'Name in katakana',
    birthDate: 'Date of birth',
    postalCode: 'Postal code',
    address: 'Address',
    phone: 'Phone number',
    publishToEmployers: 'Show your job seeker profile to employers',
    receiveJobInformation: 'Job information from Hello Work',
    education: 'Education',
    licenses: 'Licences and qualifications',
    career: 'Work history',
    disability: 'Disability information',
    selfPr: 'About you',
  },
  hints: {
    name: 'For example 厚労 太郎',
    nameKana: 'For example コウロウ タロウ (hiragana is accepted too)',
    birthDate: 'For example 1998-04-01',
    postalCode: 'For example 100-8916 (the hyphen is optional)',
    address: 'For example 1-2-2 Kasumigaseki, Chiyoda-ku, Tokyo',
    phone: 'For example 03-1234-5678 (a number we can reach you on in the daytime)',
    publishToEmployers:
      'If you do, employers looking for staff can see your job seeker profile without your name, address or contact details.',
    receiveJobInformation:
      'Job information from Hello Work is available once you register at a Hello Work office.',
    education: 'Your highest education, for example: XX High School, graduated March 2010',
    licenses: 'For example: ordinary driving licence, bookkeeping level 2',
    career: 'Where you worked, when, and what you did',
    disability:
      'If you have a disability and would like any adjustment when looking for work, tell us here. It is not given to employers without your consent.',
    selfPr: 'Your strengths, experience and what you would like to do.',
  },
  choices: {
    publish: { yes: 'Show', no: 'Do not show' },
    receive: { yes: 'Yes, please', no: 'No, thank you' },
  },
  problems: {
    future: 'Date of birth cannot be in the future',
    implausible: 'Check the date of birth (the age would be under 14 or over 110)',
  },
  mail: {
    officeRegisteredSubject: 'About opening your job seeker MyPage',
    officeRegisteredBody: (p) =>
      `Someone asked to open a job seeker MyPage online for this address, but it is registered at a Hello Work office.\nOpen your MyPage with this address and your date of birth here:\n${p.baseUrl}/mypage/open\n\nIf you did not ask for this, ignore this mail.${signature(p.baseUrl)}`,
  },
};
