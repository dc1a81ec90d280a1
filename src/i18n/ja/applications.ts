/**
 * Japanese strings: the 紹介状 as a PDF (SPEC AP-6, AL; ADR 0020) and the note shown while virus
 * scanning is unavailable (AP-5). Key names match `applying.letter` on the apply branch, so the two
 * fold into one section at merge. The headings 紹介状 / 紹介状（本人控え） are the seeds' words.
 */
import { formatJapaneseDate } from '../../platform/dates.ts';

export const applications = {
  referralLetter: {
    /** The document language (PDF /Lang). */
    lang: 'ja-JP',
    title: '紹介状',
    seekerCopy: '紹介状（本人控え）',
    number: '紹介状番号',
    issuedOn: '交付年月日',
    seeker: '紹介者氏名',
    seekerKana: 'フリガナ',
    seekerNumber: '求職番号',
    jobNumber: '求人番号',
    employer: '事業所名',
    employerAddress: '事業所所在地',
    occupation: '職種',
    selection: '選考方法',
    office: '紹介安定所',
    officeAddress: '所在地',
    officePhone: '電話番号',
    sentence: '下記の者を紹介します。ご選考の上、選考結果をお知らせください。',
    addressee: (employer: string) => `${employer}　御中`,
    seekerCopyNote:
      'この書面は求職者ご本人の控えです。紹介状は、求人者マイページにも同じ内容で発行されています。',
    formatDate: formatJapaneseDate,
  },
  scan: {
    unavailableNote:
      'ただいまウイルスチェックを利用できないため、アップロードした書類は「確認中」のままです。確認が終わるまで求人者には届きません。',
  },
};
