/** English strings: the referral letter PDF and the scanning note. Same shape as ../ja/applications.ts. */
import { formatEnglishDate } from '../../platform/dates.ts';
import type { Messages } from '../ja.ts';

export const applications: Messages['applications'] = {
  referralLetter: {
    lang: 'en',
    title: 'Referral letter',
    seekerCopy: 'Referral letter (your copy)',
    number: 'Letter number',
    issuedOn: 'Issued on',
    seeker: 'Person referred',
    seekerKana: 'Name in kana',
    seekerNumber: 'Job seeker number',
    jobNumber: 'Job number',
    employer: 'Employer',
    employerAddress: 'Employer address',
    occupation: 'Occupation',
    selection: 'Selection',
    office: 'Referring office',
    officeAddress: 'Address',
    officePhone: 'Telephone',
    sentence: 'We refer the person below. Please let us know the result of your selection.',
    addressee: (employer: string) => `To: ${employer}`,
    seekerCopyNote:
      'This is the job seeker’s own copy. The same referral letter has been issued in the employer’s MyPage.',
    formatDate: formatEnglishDate,
  },
  scan: {
    unavailableNote:
      'Virus scanning is unavailable at the moment, so uploaded documents stay “Being checked”. They do not reach the employer until they have been checked.',
  },
};
