/**
 * The 紹介状 PDF (SPEC AP-6, AL; ADR 0020), read back with pdfjs-dist as a PDF reader would: the
 * Japanese text must come out exactly as it went in, with fonts from node_modules only.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.ts';
import {
  type ReferralLetterView,
  referralLetterFileName,
  renderReferralLetterPdf,
  runsOf,
} from '../../src/modules/applications/referral-letter.pdf.ts';

const ja = messages('ja').applying.letter;
const en = messages('en').applying.letter;

const letter = (o: Partial<ReferralLetterView> = {}): ReferralLetterView => ({
  letterNumber: '13010-2026-000123',
  issuedOn: '2026-11-21',
  seekerName: '山田 太郎',
  seekerNameKana: 'ヤマダ タロウ',
  seekerNumber: '13010-12345678',
  jobNumber: '13010-09999999',
  employerName: '株式会社ハローワークケア',
  employerAddress: '東京都新宿区西新宿二丁目8番1号',
  occupation: '介護職員（日勤のみ）',
  selectionMethod: '書類選考、面接（予定1回）',
  officeName: 'ハローワーク飯田橋',
  officeAddress: '東京都文京区後楽1-9-20 飯田橋合同庁舎内',
  officePhone: '03-3812-8609',
  copyFor: 'seeker',
  ...o,
});

interface Read {
  text: string;
  info: Record<string, unknown>;
  pages: number;
  width: number;
  height: number;
}

/**
 * All text of all pages, items joined without separators (a font switch splits an item). pdfjs
 * reports a space glyph — the ideographic space U+3000 too — as " ", so spaces are compared as one.
 */
const spaces = (s: string) => s.replace(/[ \u3000]+/g, ' ');

async function read(pdf: Buffer): Promise<Read> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  try {
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: true });
      for (const item of content.items) if ('str' in item) text += item.str;
      text += '\n';
    }
    const first = await doc.getPage(1);
    const [, , width, height] = first.view;
    const { info } = await doc.getMetadata();
    return {
      text: spaces(text),
      info: info as Record<string, unknown>,
      pages: doc.numPages,
      width: width!,
      height: height!,
    };
  } finally {
    await task.destroy();
  }
}

/** The names of the fonts embedded in the file (subset prefix removed). */
function embeddedFonts(pdf: Buffer): string[] {
  const names = new Set<string>();
  for (const m of pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)) names.add(m[1]!);
  return [...names].sort();
}

describe('AP-6 紹介状 PDF', () => {
  it('AP-6 the seeker copy: 紹介状（本人控え）, the fields and the office, exactly, on one A4 page', async () => {
    const pdf = await renderReferralLetterPdf(letter(), ja);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(200 * 1024);
    const { text, info, pages, width, height } = await read(pdf);
    expect(pages).toBe(1);
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    for (const expected of [
      '紹介状（本人控え）',
      '株式会社ハローワークケア　御中',
      '下記の者を紹介します。',
      '紹介状番号　13010-2026-000123',
      '交付年月日　2026年11月21日',
      '紹介者氏名',
      'ヤマダ タロウ',
      '山田 太郎',
      '求職番号',
      '13010-12345678',
      '求人番号',
      '13010-09999999',
      '事業所所在地',
      '東京都新宿区西新宿二丁目8番1号',
      '職種',
      '介護職員（日勤のみ）',
      '選考方法',
      '書類選考、面接（予定1回）',
      '紹介安定所',
      'ハローワーク飯田橋',
      '東京都文京区後楽1-9-20 飯田橋合同庁舎内',
      '電話番号　03-3812-8609',
      'この書面は求職者ご本人の控えです。',
    ]) {
      expect(text).toContain(spaces(expected));
    }
    expect(info.Title).toBe('紹介状（本人控え） 13010-2026-000123');
    expect(info.Author).toBe('ハローワーク飯田橋');
    expect(info.Language).toBe('ja-JP');
    // The seeker's name is nowhere in the metadata.
    expect(JSON.stringify(info)).not.toContain('山田');
    expect(embeddedFonts(pdf)).toEqual(['BIZUDPGothic-Regular']);
  });

  it('AP-6 the employer copy is headed 紹介状 and has no 本人控え note', async () => {
    const { text, info } = await read(await renderReferralLetterPdf(letter({ copyFor: 'employer' }), ja));
    expect(text).toContain('紹介状');
    expect(text).not.toContain('本人控え');
    expect(info.Title).toBe('紹介状 13010-2026-000123');
  });

  it('AP-6 a surrogate-pair kanji (𠮷野) is printed with the fallback face and read back exactly', async () => {
    const pdf = await renderReferralLetterPdf(
      letter({ seekerName: '𠮷野 花子', seekerNameKana: 'ヨシノ ハナコ' }),
      ja,
    );
    const { text } = await read(pdf);
    expect(text).toContain('𠮷野 花子');
    expect(text).toContain('ヨシノ ハナコ');
    // BIZ UDPゴシック has no 𠮷 (U+20BB7): Noto Sans JP supplies that glyph, and only the glyphs used.
    expect(embeddedFonts(pdf)).toEqual(['BIZUDPGothic-Regular', 'NotoSansJP-Regular']);
    expect(pdf.length).toBeLessThan(200 * 1024);
  });

  it('AP-6 half-width kana and mixed names come back unchanged (no normalisation)', async () => {
    const pdf = await renderReferralLetterPdf(
      letter({ seekerName: 'ﾔﾏﾀﾞ ﾀﾛｳ', seekerNameKana: undefined }),
      ja,
    );
    const { text } = await read(pdf);
    expect(text).toContain('ﾔﾏﾀﾞ ﾀﾛｳ');
    expect(text).not.toContain('ヤマダ タロウ');
    const mixed = await read(await renderReferralLetterPdf(letter({ seekerName: '髙橋 𠮷郎・John' }), ja));
    expect(mixed.text).toContain('髙橋 𠮷郎・John');
  });

  it('AP-6 fields left out are not printed, and a long 選考方法 wraps without losing text', async () => {
    const long = `${'書類選考の後、面接を行います。'.repeat(12)}結果は1週間以内に通知します。`;
    const pdf = await renderReferralLetterPdf(
      letter({
        seekerNumber: undefined,
        employerAddress: undefined,
        officeAddress: undefined,
        officePhone: undefined,
        selectionMethod: long,
      }),
      ja,
    );
    const { text, pages } = await read(pdf);
    expect(pages).toBe(1);
    expect(text).not.toContain('求職番号');
    expect(text).not.toContain('事業所所在地');
    expect(text).not.toContain('電話番号');
    expect(text.replaceAll('\n', '')).toContain(long);
  });

  it('AP-6 in English: English labels around the Japanese values', async () => {
    const { text, info } = await read(await renderReferralLetterPdf(letter(), en));
    for (const expected of [
      'Referral letter (your copy)',
      'To: 株式会社ハローワークケア',
      'Issued on　21 Nov 2026',
      'Job number',
      '13010-09999999',
      '山田 太郎',
    ]) {
      expect(text).toContain(spaces(expected));
    }
    expect(info.Language).toBe('en');
  });

  it('AP-6 the file name carries the letter number only, never personal data', () => {
    expect(referralLetterFileName(letter())).toBe('referral-letter-13010-2026-000123-copy.pdf');
    expect(referralLetterFileName(letter({ copyFor: 'employer' }))).toBe(
      'referral-letter-13010-2026-000123.pdf',
    );
    expect(referralLetterFileName({ letterNumber: '../第1号 /x', copyFor: 'employer' })).toBe(
      'referral-letter-1-x.pdf',
    );
    expect(referralLetterFileName({ letterNumber: '山田', copyFor: 'employer' })).toBe(
      'referral-letter-letter.pdf',
    );
  });
});

describe('AP-6 font runs (pure)', () => {
  const has = (chars: string) => ({
    hasGlyphForCodePoint: (cp: number) => [...chars].some((c) => c.codePointAt(0) === cp),
  });
  it('AP-6 switches to the fallback only for characters the primary face lacks', () => {
    const primary = has('野 花子髙橋');
    const fallback = has('𠮷野花子');
    expect(runsOf('𠮷野 花子', primary, fallback)).toEqual([
      { text: '𠮷', font: 'fallback' },
      { text: '野 花子', font: 'primary' },
    ]);
    expect(runsOf('髙橋 𠮷', primary, fallback)).toEqual([
      { text: '髙橋 ', font: 'primary' },
      { text: '𠮷', font: 'fallback' },
    ]);
  });
  it('AP-6 keeps a variation selector with its base character and falls back to the primary when neither has it', () => {
    const primary = has('葛');
    const fallback = has('𠮷');
    expect(runsOf('𠮷\u{E0100}葛', primary, fallback)).toEqual([
      { text: '𠮷\u{E0100}', font: 'fallback' },
      { text: '葛', font: 'primary' },
    ]);
    expect(runsOf('☃', primary, fallback)).toEqual([{ text: '☃', font: 'primary' }]);
    expect(runsOf('𠮷', primary, undefined)).toEqual([{ text: '𠮷', font: 'primary' }]);
    expect(runsOf('', primary, fallback)).toEqual([]);
  });
});
