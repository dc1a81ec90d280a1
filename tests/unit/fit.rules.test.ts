import { describe, expect, it } from 'vitest';
import {
  desiredHours,
  type FitJob,
  type FitReason,
  fitQueries,
  fitReasons,
  fitScore,
  hasDesired,
  listWords,
  rankFits,
} from '../../src/modules/referrals/fit.rules.ts';
import { searchSchema } from '../../src/modules/search/search.schemas.ts';
import { type DesiredConditions, emptyDesiredConditions } from '../../src/modules/seekers/seeker.types.ts';

const desired = (o: Partial<DesiredConditions> = {}): DesiredConditions => ({
  ...emptyDesiredConditions(),
  ...o,
});
const job = (o: Partial<FitJob> = {}): FitJob => ({
  title: '介護職員（グループホーム）',
  occupationCode: '05',
  prefectureCode: '13',
  city: '千代田区',
  workplaceAddress: '東京都千代田区霞が関1-2-2',
  workStyle: 'full_time',
  employmentType: 'regular',
  wageType: 'monthly',
  wageMin: 200_000,
  wageMax: 250_000,
  workHours: [{ start: '09:00', end: '17:00' }],
  ...o,
});
/** The one reason of an aspect, as [fits, code], or undefined when the aspect was not given. */
const reason = (d: DesiredConditions, j: FitJob, aspect: FitReason['aspect']) => {
  const r = fitReasons(d, j).find((x) => x.aspect === aspect);
  return r && [r.fits, r.code];
};

describe('OR-1 the seeker’s free-text wishes, read like search input', () => {
  it('OR-1 lists split on 、 , ・ / and spaces, full-width folded, without repeats', () => {
    expect(listWords('千代田区、港区　新宿区,港区')).toEqual(['千代田区', '港区', '新宿区']);
    expect(listWords('介護職・一般事務/ＰＣ入力')).toEqual(['介護職', '一般事務', 'PC入力']);
    expect(listWords('  ')).toEqual([]);
  });

  it('OR-1 希望就業時間: ranges in the usual ways, full-width too', () => {
    expect(desiredHours('9:00～18:00')).toEqual({ from: '09:00', to: '18:00' });
    expect(desiredHours('０９：００－１７：００')).toEqual({ from: '09:00', to: '17:00' });
    expect(desiredHours('9時から17時半')).toEqual({ from: '09:00', to: '17:30' });
    expect(desiredHours('9時30分〜18時')).toEqual({ from: '09:30', to: '18:00' });
    expect(desiredHours('9～18')).toEqual({ from: '09:00', to: '18:00' });
    expect(desiredHours('22:00～6:00')).toEqual({ from: '22:00', to: '06:00' });
  });

  it('OR-1 希望就業時間: one time is a start, or an end after the separator; unreadable is null', () => {
    expect(desiredHours('9:00～')).toEqual({ from: '09:00', to: null });
    expect(desiredHours('～18:00')).toEqual({ from: null, to: '18:00' });
    expect(desiredHours('から15時')).toEqual({ from: null, to: '15:00' });
    expect(desiredHours('')).toBeNull();
    expect(desiredHours('午前中のみ')).toBeNull();
    expect(desiredHours('25:00～26:00')).toBeNull();
    expect(desiredHours('9:75～18:00')).toBeNull();
    expect(desiredHours('9:00～12:00、13:00～17:00')).toBeNull();
  });

  it('OR-1 nothing recorded (or only unreadable hours) is no wish at all; any one field is', () => {
    expect(hasDesired(desired())).toBe(false);
    expect(hasDesired(desired({ hours: '応相談', cities: ' ' }))).toBe(false);
    for (const o of [
      { prefectureCodes: ['13'] },
      { cities: '千代田区' },
      { occupationCodes: ['05'] },
      { occupation: '介護職' },
      { workStyle: 'part_time' as const },
      { employmentTypes: ['regular'] },
      { wageMin: 180_000 },
      { hours: '9:00～17:00' },
    ])
      expect(hasDesired(desired(o))).toBe(true);
  });
});

describe('OR-1 the search queries for a seeker’s wishes (through the search module’s schema)', () => {
  it('OR-1 everything given: a strict query with every condition, then a relaxed one with place and 求人区分', () => {
    const [strict, relaxed, more] = fitQueries(
      desired({
        prefectureCodes: ['13'],
        cities: '千代田区、港区',
        occupationCodes: ['05'],
        occupation: '介護職',
        workStyle: 'full_time',
        employmentTypes: ['regular'],
        wageType: 'monthly',
        wageMin: 200_000,
        hours: '9:00～18:00',
      }),
    );
    expect(more).toBeUndefined();
    expect(strict).toMatchObject({
      pref: ['13'],
      city: ['千代田区', '港区'],
      occ: ['05'],
      ws: ['full_time'],
      emp: ['regular'],
      wage: 200_000,
      hwage: null,
      hfrom: '09:00',
      hto: '18:00',
      kw: '',
      sort: 'new',
      per: '50',
    });
    expect(relaxed).toEqual(searchSchema.parse({ pref: ['13'], ws: ['full_time'], sort: 'new', per: '50' }));
  });

  it('OR-1 nothing given: one query, the newest jobs', () => {
    expect(fitQueries(desired())).toEqual([searchSchema.parse({ sort: 'new', per: '50' })]);
  });

  it('OR-1 「どちらでも」 asks no 求人区分; hourly wishes use the hourly minimum, daily ones the monthly equivalent', () => {
    const [hourly, relaxed] = fitQueries(desired({ workStyle: 'either', wageType: 'hourly', wageMin: 1200 }));
    expect(hourly).toMatchObject({ ws: [], hwage: 1200, wage: null });
    expect(relaxed).toMatchObject({ ws: [], hwage: null, wage: null });
    const [daily] = fitQueries(desired({ wageType: 'daily', wageMin: 10_000 }));
    expect(daily).toMatchObject({ wage: 210_000, hwage: null });
  });

  it('OR-1 a 希望職種 in words without 職業分類 is an OR keyword search; at most 3 市区町村 (the search’s limit)', () => {
    const [strict] = fitQueries(desired({ occupation: '介護職、ヘルパー', cities: 'A市 B市 C市 D市' }));
    expect(strict).toMatchObject({
      kw: '介護職 ヘルパー',
      kwMode: 'or',
      occ: [],
      city: ['A市', 'B市', 'C市'],
    });
    // A keyword list longer than the search box allows is cut at a whole word.
    const long = Array.from({ length: 12 }, (_, i) => `職種名${String(i).padStart(2, '0')}`).join('、');
    const [cut] = fitQueries(desired({ occupation: long }));
    expect(cut!.kw.length).toBeLessThanOrEqual(50);
    expect(cut!.kw.split(' ')).toHaveLength(8);
  });
});

describe('OR-1 fit reasons, aspect by aspect (pure)', () => {
  it('OR-1 nothing recorded: no reasons, score 0', () => {
    expect(fitReasons(desired(), job())).toEqual([]);
    expect(fitScore([])).toBe(0);
  });

  it('OR-1 place: the prefecture, else the municipality (by the municipality list or the exact text)', () => {
    const tokyo = desired({ prefectureCodes: ['13'] });
    expect(reason(tokyo, job(), 'place')).toEqual([true, 'place_prefecture']);
    expect(reason(tokyo, job({ prefectureCode: '14', city: '横浜市中区' }), 'place')).toEqual([
      false,
      'place_prefecture_other',
    ]);
    const chiyoda = desired({ prefectureCodes: ['13'], cities: '千代田区' });
    expect(reason(chiyoda, job(), 'place')).toEqual([true, 'place_city']);
    expect(reason(desired({ prefectureCodes: ['13'], cities: '千代田' }), job(), 'place')).toEqual([
      true,
      'place_city',
    ]);
    expect(
      reason(chiyoda, job({ city: '港区', workplaceAddress: '東京都港区芝公園4-2-8' }), 'place'),
    ).toEqual([false, 'place_city_other']);
    // Another prefecture says so first, whatever the 市区町村.
    expect(reason(chiyoda, job({ prefectureCode: '14', city: '千代田区' }), 'place')).toEqual([
      false,
      'place_prefecture_other',
    ]);
  });

  it('OR-1 place: a designated city takes all its wards, a ward only itself; no prefecture means any', () => {
    const nakaku = job({ prefectureCode: '14', city: '横浜市中区', workplaceAddress: '山下町1' });
    expect(reason(desired({ cities: '横浜市' }), nakaku, 'place')).toEqual([true, 'place_city']);
    expect(reason(desired({ cities: '横浜市中区' }), nakaku, 'place')).toEqual([true, 'place_city']);
    expect(reason(desired({ cities: '横浜市港北区' }), nakaku, 'place')).toEqual([false, 'place_city_other']);
    expect(reason(desired({ prefectureCodes: ['14'], cities: '港区、横浜市' }), nakaku, 'place')).toEqual([
      true,
      'place_city',
    ]);
    // A 市区町村 not in the list matches by its exact text.
    expect(reason(desired({ cities: '架空町' }), job({ city: '架空町' }), 'place')).toEqual([
      true,
      'place_city',
    ]);
  });

  it('OR-1 job type: 職業分類, else the 職種 containing a wished-for word', () => {
    expect(reason(desired({ occupationCodes: ['05', '08'] }), job(), 'occupation')).toEqual([
      true,
      'occupation_group',
    ]);
    expect(reason(desired({ occupationCodes: ['08'] }), job(), 'occupation')).toEqual([
      false,
      'occupation_other',
    ]);
    expect(reason(desired({ occupationCodes: ['08'], occupation: '介護' }), job(), 'occupation')).toEqual([
      true,
      'occupation_title',
    ]);
    // Words are folded like search text: hiragana and katakana, widths.
    expect(
      reason(desired({ occupation: 'かいご、事務' }), job({ title: 'カイゴスタッフ' }), 'occupation'),
    ).toEqual([true, 'occupation_title']);
    expect(reason(desired({ occupation: '一般事務' }), job(), 'occupation')).toEqual([
      false,
      'occupation_other',
    ]);
  });

  it('OR-1 求人区分 (フルタイム / パート): どちらでも asks nothing', () => {
    expect(reason(desired({ workStyle: 'either' }), job(), 'workStyle')).toBeUndefined();
    expect(reason(desired({ workStyle: 'full_time' }), job(), 'workStyle')).toEqual([true, 'work_style']);
    expect(reason(desired({ workStyle: 'part_time' }), job(), 'workStyle')).toEqual([
      false,
      'work_style_other',
    ]);
  });

  it('OR-1 雇用形態: one of the wished-for types', () => {
    const d = desired({ employmentTypes: ['regular', 'non_regular'] });
    expect(reason(d, job(), 'employmentType')).toEqual([true, 'employment_type']);
    expect(reason(d, job({ employmentType: 'fixed_term_dispatch' }), 'employmentType')).toEqual([
      false,
      'employment_type_other',
    ]);
  });

  it('OR-1 wage: the lower end at or above the wish fits; only the upper end reaching it fits in part; below is 「希望賃金を下回る」', () => {
    const d = (wageMin: number) => desired({ wageType: 'monthly', wageMin });
    expect(reason(d(190_000), job(), 'wage')).toEqual([true, 'wage_meets']);
    expect(reason(d(200_000), job(), 'wage')).toEqual([true, 'wage_meets']);
    expect(reason(d(200_001), job(), 'wage')).toEqual([true, 'wage_range']);
    expect(reason(d(250_000), job(), 'wage')).toEqual([true, 'wage_range']);
    expect(reason(d(250_001), job(), 'wage')).toEqual([false, 'wage_below']);
    expect(fitReasons(d(250_000), job()).find((r) => r.aspect === 'wage')?.partial).toBe(true);
    expect(fitReasons(d(200_000), job()).find((r) => r.aspect === 'wage')?.partial).toBeUndefined();
  });

  it('OR-1 wage across 月給・日給・時間給: compared as monthly equivalents, like the search (168 h, 21 days)', () => {
    const hourlyWish = desired({ wageType: 'hourly', wageMin: 1200 });
    expect(reason(hourlyWish, job({ wageMin: 201_600, wageMax: 201_600 }), 'wage')).toEqual([
      true,
      'wage_meets',
    ]);
    expect(reason(hourlyWish, job({ wageMin: 201_599, wageMax: 201_599 }), 'wage')).toEqual([
      false,
      'wage_below',
    ]);
    expect(
      reason(
        desired({ wageType: 'monthly', wageMin: 200_000 }),
        job({ wageType: 'hourly', wageMin: 1100, wageMax: 1200 }),
        'wage',
      ),
    ).toEqual([true, 'wage_range']);
    expect(
      reason(
        desired({ wageType: 'daily', wageMin: 10_000 }),
        job({ wageType: 'hourly', wageMin: 1250, wageMax: 1300 }),
        'wage',
      ),
    ).toEqual([true, 'wage_meets']);
    expect(reason(desired({ wageMin: null }), job(), 'wage')).toBeUndefined();
  });

  it('OR-1 hours: one shift within the wished-for hours fits (bounds included); none is a miss', () => {
    const d = desired({ hours: '9:00～17:00' });
    expect(reason(d, job(), 'hours')).toEqual([true, 'hours_within']);
    expect(reason(d, job({ workHours: [{ start: '08:30', end: '17:30' }] }), 'hours')).toEqual([
      false,
      'hours_outside',
    ]);
    expect(
      reason(
        d,
        job({
          workHours: [
            { start: '07:00', end: '16:00' },
            { start: '10:00', end: '15:00' },
          ],
        }),
        'hours',
      ),
    ).toEqual([true, 'hours_within']);
    expect(reason(d, job({ workHours: [] }), 'hours')).toEqual([false, 'hours_outside']);
    // A night shift past midnight, and an open-ended wish.
    const night = job({ workHours: [{ start: '22:00', end: '06:00' }] });
    expect(reason(desired({ hours: '22:00～6:00' }), night, 'hours')).toEqual([true, 'hours_within']);
    expect(reason(d, night, 'hours')).toEqual([false, 'hours_outside']);
    expect(
      reason(desired({ hours: '10:00～' }), job({ workHours: [{ start: '10:00', end: '19:00' }] }), 'hours'),
    ).toEqual([true, 'hours_within']);
    expect(reason(desired({ hours: '応相談' }), job(), 'hours')).toBeUndefined();
  });

  it('OR-1 reasons come in a fixed order, one per aspect given', () => {
    const all = desired({
      prefectureCodes: ['13'],
      occupationCodes: ['05'],
      workStyle: 'full_time',
      employmentTypes: ['regular'],
      wageMin: 180_000,
      hours: '9:00～18:00',
    });
    expect(fitReasons(all, job()).map((r) => r.aspect)).toEqual([
      'place',
      'occupation',
      'workStyle',
      'employmentType',
      'wage',
      'hours',
    ]);
    expect(fitScore(fitReasons(all, job()))).toBe(12);
    expect(fitScore(fitReasons({ ...all, wageMin: 240_000 }, job()))).toBe(11);
    expect(fitScore(fitReasons({ ...all, wageMin: 300_000 }, job()))).toBe(10);
  });
});

describe('OR-1 best first, ties by newest', () => {
  const fits = (n: number): FitReason[] =>
    Array.from({ length: n }, () => ({ aspect: 'place', fits: true, code: 'place_prefecture' }) as FitReason);
  const miss: FitReason = { aspect: 'wage', fits: false, code: 'wage_below' };
  const partial: FitReason = { aspect: 'wage', fits: true, partial: true, code: 'wage_range' };

  it('OR-1 more fitting aspects first; a partial fit between a fit and a miss', () => {
    const ranked = rankFits([
      { id: 1, acceptedOn: '2026-11-20', reasons: [...fits(1), miss] },
      { id: 2, acceptedOn: '2026-11-01', reasons: fits(2) },
      { id: 3, acceptedOn: '2026-11-21', reasons: [...fits(1), partial] },
    ]);
    expect(ranked.map((r) => r.id)).toEqual([2, 3, 1]);
  });

  it('OR-1 equal scores: newer 受付年月日 first, then the later id', () => {
    const ranked = rankFits([
      { id: 5, acceptedOn: '2026-11-10', reasons: fits(2) },
      { id: 6, acceptedOn: '2026-11-12', reasons: fits(2) },
      { id: 7, acceptedOn: '2026-11-10', reasons: fits(2) },
      { id: 8, acceptedOn: null, reasons: fits(2) },
    ]);
    expect(ranked.map((r) => r.id)).toEqual([6, 7, 5, 8]);
  });
});
