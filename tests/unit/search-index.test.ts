import { describe, expect, it } from 'vitest';
import { noReadings, type ReadingOf } from '../../src/modules/search/readings.ts';
import {
  bodyReading,
  bodyText,
  employeeBand,
  filterToken,
  hourlyEquivalent,
  type IndexableJob,
  indexedBody,
  minutesOf,
  monthlyEquivalent,
  readingOnlyWords,
  searchRow,
  shiftMinutes,
} from '../../src/modules/search/search-index.ts';
import { FILTER, NAME, normalizeText, READINGS } from '../../src/modules/search/search-text.ts';

/** The index row without readings (the readings tests below pass their own). */
const rowOf = (j: IndexableJob, readingOf: ReadingOf = noReadings) => searchRow(j, readingOf);

/** A 求人票 as the indexer reads it, every searchable field filled. */
const job = (overrides: Partial<IndexableJob> = {}): IndexableJob => ({
  id: 42,
  acceptedOn: '2026-11-20',
  referralDeadline: '2027-01-31',
  title: '介護福祉士',
  description: '入浴の介助をします',
  category: 'general',
  workStyle: 'full_time',
  employmentType: 'regular',
  occupationCode: '05',
  prefectureCode: '13',
  city: '千代田区',
  workplaceAddress: '神田一丁目1',
  nearestStation: '神田駅',
  ageMin: 18,
  ageMax: 59,
  education: '高卒以上',
  experience: '介護経験',
  license: '普通自動車免許',
  wageType: 'monthly',
  wageMin: 205_000,
  hasBonus: true,
  workHours: [
    { start: '09:00', end: '17:00' },
    { start: '22:00', end: '06:00' },
  ],
  hasOvertime: false,
  annualHolidays: 108,
  holidays: '土日祝',
  weeklyTwoDaysOff: 'every_week',
  insurances: ['employment', 'health'],
  acceptsOnlineApplication: true,
  publicationScope: 'full',
  features: ['car_commute'],
  specialNotes: '寮あり',
  employerName: '株式会社ケア',
  employeesTotal: 30,
  ...overrides,
});

const filters = (row: { lexemes: string[] }) =>
  row.lexemes.filter((l) => l.startsWith(FILTER)).map((l) => l.slice(FILTER.length));

describe('SR-1 what a job puts in the search index', () => {
  it('SR-1 従業員数 bands 1–9, 10–29, 30–99, 100–299, 300–999, 1000+', () => {
    const cases: [number, string][] = [
      [1, '1'],
      [9, '1'],
      [10, '2'],
      [29, '2'],
      [30, '3'],
      [99, '3'],
      [100, '4'],
      [299, '4'],
      [300, '5'],
      [999, '5'],
      [1000, '6'],
    ];
    for (const [n, band] of cases) expect(employeeBand(n), `${n} employees`).toBe(band);
  });

  it('SR-1 wages compare as monthly (hourly × 168, daily × 21) and hourly (monthly ÷ 168, daily ÷ 8, rounded down)', () => {
    expect([monthlyEquivalent('monthly', 205_000), hourlyEquivalent('monthly', 205_000)]).toEqual([
      205_000, 1220,
    ]);
    expect([monthlyEquivalent('daily', 10_001), hourlyEquivalent('daily', 10_001)]).toEqual([210_021, 1250]);
    expect([monthlyEquivalent('hourly', 1_200), hourlyEquivalent('hourly', 1_200)]).toEqual([201_600, 1_200]);
  });

  it('SR-1 就業時間 in minutes after midnight; a shift ending at or before its start ends the next day', () => {
    expect(minutesOf('9:05')).toBe(545);
    expect(minutesOf('24:00')).toBe(1440);
    expect(shiftMinutes({ start: '09:00', end: '17:00' })).toEqual([540, 1020]);
    expect(shiftMinutes({ start: '22:00', end: '06:00' })).toEqual([1320, 1800]);
    expect(shiftMinutes({ start: '08:00', end: '08:00' })).toEqual([480, 1920]);
  });

  it('SR-1 the row carries the range and sort columns', () => {
    const row = rowOf(job());
    expect(row).toMatchObject({
      jobId: 42,
      prefectureCode: '13',
      acceptedOn: '2026-11-20',
      referralDeadline: '2027-01-31',
      wageMonthly: 205_000,
      wageHourly: 1220,
      annualHolidays: 108,
      ageMin: 18,
      ageMax: 59,
      shifts: ['[540,1020)', '[1320,1800)'],
      employerName: '株式会社ケア',
    });
    expect(row.municipalityCode).not.toBeNull();
    expect(rowOf(job({ ageMin: null, ageMax: null }))).toMatchObject({ ageMin: 0, ageMax: 999 });
  });

  it('SR-1 the keyword text holds every shown field, normalised, and the employer name its own bigrams', () => {
    const row = rowOf(job());
    for (const text of [
      '介護福祉士',
      '入浴の介助をします'.replace('の', 'ノ').replace('をします', 'ヲシマス'),
      '株式会社ケア',
      '東京都',
      '千代田区',
      '神田一丁目1',
      '神田駅',
      '高卒以上',
      '介護経験',
      '普通自動車免許',
      '土日祝',
      '寮アリ',
    ]) {
      expect(row.body, text).toContain(text);
    }
    expect(row.lexemes).toContain(`${NAME}ケア`);
    expect(row.lexemes).toContain('寮ア');
  });

  it('SR-1 structured filters: place, occupation, kind, style, type, 週休二日, size, insurances, features', () => {
    expect(filters(rowOf(job()))).toEqual([
      'p13',
      'M13-002',
      'c13千代田区',
      'm千代田区',
      'o05',
      'kgeneral',
      'wfull_time',
      'eregular',
      '2every_week',
      's3',
      'iemployment',
      'ihealth',
      'fcar_commute',
      'bonus',
      'noot',
      'online',
    ]);
  });

  it('SR-1 flags: 賞与あり, 時間外なし, 学歴・経験・免許不問 and オンライン自主応募 only when they hold', () => {
    const flags = ['bonus', 'noot', 'noedu', 'noexp', 'nolic', 'online'];
    expect(filters(rowOf(job())).filter((t) => flags.includes(t))).toEqual(['bonus', 'noot', 'online']);
    const other = rowOf(
      job({
        hasBonus: false,
        hasOvertime: true,
        education: null,
        experience: null,
        license: null,
        acceptsOnlineApplication: false,
      }),
    );
    expect(filters(other).filter((t) => flags.includes(t))).toEqual(['noedu', 'noexp', 'nolic']);
  });

  it('SR-4 SR-1 公開範囲 2 without 学歴・経験・免許: exactly the shown text, and exactly these filters', () => {
    const row = rowOf(
      job({
        publicationScope: 'anonymous',
        education: null,
        experience: null,
        license: null,
        hasBonus: false,
        hasOvertime: true,
        acceptsOnlineApplication: false,
      }),
    );
    expect(row.body).toBe('介護福祉士 入浴ノ介助ヲシマス 東京都 千代田区 神田駅 土日祝 寮アリ');
    expect(row.employerName).toBe('');
    expect(filters(row)).toEqual([
      'p13',
      'M13-002',
      'c13千代田区',
      'm千代田区',
      'o05',
      'kgeneral',
      'wfull_time',
      'eregular',
      '2every_week',
      's3',
      'iemployment',
      'ihealth',
      'fcar_commute',
      'noedu',
      'noexp',
      'nolic',
    ]);
  });

  it('SR-1 a place the municipality list does not know gets no code, only its text tokens', () => {
    const row = rowOf(job({ city: 'どこでもない町', workplaceAddress: '' }));
    expect(row.municipalityCode).toBeNull();
    expect(filters(row).slice(0, 4)).toEqual(['p13', 'c13ドコデモナイ町', 'mドコデモナイ町', 'o05']);
  });

  it('SR-1 filter tokens are namespaced by a letter and normalised', () => {
    expect(filterToken.prefecture('13')).toBe('p13');
    expect(filterToken.city('13', 'ちよだ')).toBe('c13チヨダ');
    expect(filterToken.municipality('ﾁﾖﾀﾞ')).toBe('mチヨダ');
    expect(filterToken.municipalityCode('13-101')).toBe('M13-101');
    expect(filterToken.ward('14-100', 'なか区')).toBe('M14-100ナカ区');
    expect(filterToken.weeklyTwoDaysOff('other')).toBe('2other');
    expect(filterToken.employees('6')).toBe('s6');
    expect(filterToken.feature('no_transfer')).toBe('fno_transfer');
  });
});

describe('SR-1 readings in the index row (ADR 0035)', () => {
  /** A stand-in analyser: reads 介護 as カイゴ, and only sees the text it is given. */
  const fakeReading: ReadingOf = (text) =>
    text.includes('介護') ? normalizeText(text).replaceAll('介護', 'カイゴ') : '';

  it('SR-1 the reading follows the text after READINGS, and its bigrams join the text bigrams', () => {
    const row = rowOf(job({ publicationScope: 'anonymous' }), fakeReading);
    const text =
      '介護福祉士 入浴ノ介助ヲシマス 東京都 千代田区 神田駅 高卒以上 介護経験 普通自動車免許 土日祝 寮アリ';
    const reading = text.replaceAll('介護', 'カイゴ');
    expect(bodyText(row.body)).toBe(text);
    expect(bodyReading(row.body)).toBe(reading);
    expect(row.body).toBe(`${text}${READINGS}${reading}`);
    expect(row.lexemes).toEqual(expect.arrayContaining(['介護', 'カイ', 'イゴ', 'ゴ福']));
    // Shared bigrams appear once.
    expect(row.lexemes.filter((l) => l === '福祉')).toHaveLength(1);
  });

  it('SR-1 a text without a reading is indexed as before', () => {
    const plain = job({ title: 'ヘルパー', experience: null, publicationScope: 'anonymous' });
    const row = rowOf(plain, fakeReading);
    expect(row.body).not.toContain(READINGS);
    expect(row).toEqual(rowOf(plain));
  });

  it('SR-4 the reading is of the shown text only: a hidden 事業所名 is not read', () => {
    const seen: string[] = [];
    rowOf(job({ publicationScope: 'anonymous', employerName: '介護の秘密会社' }), (t) => {
      seen.push(t);
      return '';
    });
    expect(seen.join('')).not.toContain('秘密会社');
  });

  it('SR-1 readingOnlyWords: the words found in the reading but not in the text', () => {
    const body = indexedBody('介護職員 カイゴ 寮', 'カイゴショクイン カイゴ リョウ');
    expect(readingOnlyWords(body, ['カイゴ', 'ショクイン', 'リョウ', '寮', 'ジム'])).toEqual([
      'ショクイン',
      'リョウ',
    ]);
    expect(readingOnlyWords('介護職員', ['カイゴ'])).toEqual([]);
    // Never across text and reading.
    expect(readingOnlyWords(indexedBody('介護', 'カイゴ'), ['護カ'])).toEqual([]);
  });

  it('indexedBody, bodyText and bodyReading agree', () => {
    expect(indexedBody('介護', 'カイゴ')).toBe(`介護${READINGS}カイゴ`);
    expect(indexedBody('カイゴ', 'カイゴ')).toBe('カイゴ');
    expect(indexedBody('ヘルパー', '')).toBe('ヘルパー');
    expect(bodyText(`介護${READINGS}カイゴ`)).toBe('介護');
    expect(bodyReading(`介護${READINGS}カイゴ`)).toBe('カイゴ');
    expect(bodyText('ヘルパー')).toBe('ヘルパー');
    expect(bodyReading('ヘルパー')).toBe('');
  });
});
