import { describe, expect, it } from 'vitest';
import {
  COMPANY_FORM_READINGS,
  COMPANY_FORMS,
  COMPANY_SUFFIX_READINGS,
  COMPANY_SUFFIXES,
  COMPANY_WORD_READINGS,
  COMPANY_WORDS,
  HOLIDAY_PATTERNS,
  INDUSTRY_NAMES,
  OCCUPATION_NAMES_BY_CODE,
  OCCUPATIONS,
  SPECIAL_NOTES,
  WORKPLACE_NOTES,
} from '../../src/demo/job-corpus.ts';
import { INDUSTRY_CODES, OCCUPATION_GROUPS, WEEKLY_TWO_DAYS_OFF } from '../../src/modules/jobs/job.types.ts';

const allTitles = OCCUPATIONS.flatMap((group) => group.titles);

/** Every string in the corpus, for script/width checks. */
const allText: string[] = [
  ...allTitles.flatMap((entry) => [
    entry.title,
    ...entry.duties,
    ...(entry.license === undefined ? [] : [entry.license]),
    ...(entry.experience === undefined ? [] : [entry.experience]),
  ]),
  ...COMPANY_WORDS,
  ...COMPANY_SUFFIXES,
  ...WORKPLACE_NOTES,
  ...SPECIAL_NOTES,
  ...HOLIDAY_PATTERNS.map((pattern) => pattern.text),
];

const titleAndDutyText = allTitles.flatMap((entry) => [entry.title, ...entry.duties]);

describe('demo job corpus: occupations', () => {
  it('has the 11 大分類 groups in OCCUPATION_GROUPS order', () => {
    expect(OCCUPATIONS.map((group) => group.code)).toEqual([...OCCUPATION_GROUPS]);
    expect(Object.keys(OCCUPATION_NAMES_BY_CODE).sort()).toEqual([...OCCUPATION_GROUPS]);
    for (const group of OCCUPATIONS) {
      expect(group.name).toBe(OCCUPATION_NAMES_BY_CODE[group.code].name);
      expect(group.nameEn).toBe(OCCUPATION_NAMES_BY_CODE[group.code].nameEn);
      expect(group.name.length).toBeGreaterThan(0);
      expect(group.nameEn.length).toBeGreaterThan(0);
    }
    expect(OCCUPATION_NAMES_BY_CODE['02'].name).toBe('専門的・技術的職業');
    expect(OCCUPATION_NAMES_BY_CODE['11'].name).toBe('運搬・清掃・包装等の職業');
  });

  it('meets the minimum title counts', () => {
    const larger = new Set(['02', '03', '05', '08']);
    for (const group of OCCUPATIONS) {
      expect(group.titles.length, group.code).toBeGreaterThanOrEqual(larger.has(group.code) ? 14 : 8);
    }
    expect(allTitles.length).toBeGreaterThanOrEqual(120);
  });

  it('has no duplicate titles', () => {
    const titles = allTitles.map((entry) => entry.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('gives every title 3–6 duties of 25–80 characters', () => {
    for (const entry of allTitles) {
      expect(entry.title.trim().length, entry.title).toBeGreaterThan(0);
      expect(entry.duties.length, entry.title).toBeGreaterThanOrEqual(3);
      expect(entry.duties.length, entry.title).toBeLessThanOrEqual(6);
      for (const duty of entry.duties) {
        const length = [...duty].length;
        expect(length, duty).toBeGreaterThanOrEqual(25);
        expect(length, duty).toBeLessThanOrEqual(80);
      }
      if (entry.license !== undefined) expect(entry.license.length).toBeGreaterThan(0);
      if (entry.experience !== undefined) expect(entry.experience.length).toBeGreaterThan(0);
    }
  });

  it('has sane wage ranges', () => {
    for (const { title, wage } of allTitles) {
      const [monthlyMin, monthlyMax] = wage.monthly;
      const [hourlyMin, hourlyMax] = wage.hourly;
      expect(monthlyMin, title).toBeLessThan(monthlyMax);
      expect(hourlyMin, title).toBeLessThan(hourlyMax);
      expect(monthlyMin, title).toBeGreaterThanOrEqual(150_000);
      expect(monthlyMax, title).toBeLessThanOrEqual(1_000_000);
      expect(hourlyMin, title).toBeGreaterThanOrEqual(1000);
      expect(hourlyMax, title).toBeLessThan(5000);
      expect(Number.isInteger(monthlyMin) && Number.isInteger(hourlyMax), title).toBe(true);
    }
  });

  it('uses valid industry codes', () => {
    const valid = new Set<string>(INDUSTRY_CODES);
    for (const entry of allTitles) {
      expect(entry.industries.length, entry.title).toBeGreaterThan(0);
      for (const code of entry.industries) expect(valid.has(code), `${entry.title}: ${code}`).toBe(true);
    }
  });
});

describe('demo job corpus: industries and companies', () => {
  it('names every 日本標準産業分類 section A–T', () => {
    expect(Object.keys(INDUSTRY_NAMES).sort()).toEqual([...INDUSTRY_CODES]);
    for (const code of INDUSTRY_CODES) {
      expect(INDUSTRY_NAMES[code].name.length).toBeGreaterThan(0);
      expect(INDUSTRY_NAMES[code].nameEn.length).toBeGreaterThan(0);
    }
    expect(INDUSTRY_NAMES.P.name).toBe('医療，福祉');
  });

  it('has enough company name parts', () => {
    expect(COMPANY_FORMS).toContain('株式会社');
    expect(COMPANY_FORMS).toContain('社会福祉法人');
    expect(COMPANY_WORDS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(COMPANY_WORDS).size).toBe(COMPANY_WORDS.length);
    expect(COMPANY_SUFFIXES.length).toBeGreaterThanOrEqual(10);
  });

  it('gives every company name part a full-width katakana reading, and nothing else', () => {
    const cases: [string, readonly string[], Readonly<Record<string, string>>][] = [
      ['COMPANY_FORMS', COMPANY_FORMS, COMPANY_FORM_READINGS],
      ['COMPANY_WORDS', COMPANY_WORDS, COMPANY_WORD_READINGS],
      ['COMPANY_SUFFIXES', COMPANY_SUFFIXES, COMPANY_SUFFIX_READINGS],
    ];
    for (const [name, list, readings] of cases) {
      for (const entry of list) {
        expect(Object.hasOwn(readings, entry), `${name}: ${entry}`).toBe(true);
      }
      expect(Object.keys(readings).sort(), name).toEqual([...new Set(list)].sort());
      for (const [entry, reading] of Object.entries(readings)) {
        expect(reading, `${name}: ${entry}`).toMatch(/^[\u30A0-\u30FF]+$/);
      }
    }
    expect(COMPANY_FORM_READINGS).toMatchObject({ 株式会社: 'カブシキガイシャ' });
    expect(COMPANY_WORD_READINGS).toMatchObject({ ｻﾝｺｰ: 'サンコー', 'Ｋ＆Ｍ': 'ケーアンドエム' });
    expect(COMPANY_SUFFIX_READINGS).toMatchObject({ 警備保障: 'ケイビホショウ' });
  });

  it('has enough notes and holiday patterns', () => {
    expect(WORKPLACE_NOTES.length).toBeGreaterThanOrEqual(40);
    expect(SPECIAL_NOTES.length).toBeGreaterThanOrEqual(20);
    expect(HOLIDAY_PATTERNS.length).toBeGreaterThanOrEqual(10);
    for (const pattern of HOLIDAY_PATTERNS) {
      const [min, max] = pattern.annualHolidays;
      expect(min, pattern.text).toBeLessThanOrEqual(max);
      expect(min, pattern.text).toBeGreaterThanOrEqual(50);
      expect(max, pattern.text).toBeLessThanOrEqual(366);
      expect(WEEKLY_TWO_DAYS_OFF).toContain(pattern.weeklyTwoDaysOff);
    }
  });
});

describe('demo job corpus: scripts and widths (for keyword-search coverage)', () => {
  const some = (pattern: RegExp, texts: readonly string[] = allText) =>
    texts.some((text) => pattern.test(text));

  it('mixes full-width Latin/digits, half-width katakana and half-width Latin', () => {
    expect(some(/[Ａ-Ｚａ-ｚ０-９]/)).toBe(true);
    expect(some(/[\uFF61-\uFF9F]/)).toBe(true);
    expect(some(/[A-Za-z]/)).toBe(true);
  });

  it('contains 介護 in kanji and かいご / カイゴ in kana', () => {
    expect(some(/介護/, titleAndDutyText)).toBe(true);
    expect(some(/かいご|カイゴ/, titleAndDutyText)).toBe(true);
  });

  it('contains the words job seekers search for', () => {
    for (const word of [
      '寮',
      '事務',
      '看護',
      '保育',
      '調理',
      '清掃',
      '倉庫',
      '営業',
      '製造',
      '警備',
      '運転',
    ]) {
      expect(some(new RegExp(word), titleAndDutyText), word).toBe(true);
    }
  });
});
