import { describe, expect, it } from 'vitest';
import { planSearch } from '../../src/modules/search/search.plan.ts';
import { searchSchema, searchValues } from '../../src/modules/search/search.schemas.ts';
import { FILTER, NAME } from '../../src/modules/search/search-text.ts';

const TODAY = '2026-11-21';
const conditions = (query: string) => {
  const r = searchSchema.safeParse(searchValues(new URLSearchParams(query)));
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
};
const plan = (query: string) => planSearch(conditions(query), TODAY);

describe('SR-1 search plan', () => {
  it('SR-1 with no condition lists valid jobs only, newest first, 30 per page', () => {
    const p = plan('');
    expect(p.tsquery).toBeNull();
    expect(p.deadlineFrom).toBe(TODAY);
    expect([p.sort, p.limit, p.offset]).toEqual(['new', 30, 0]);
  });

  it('SR-1 folds かいご, カイゴ and ｶｲｺﾞ to the same query', () => {
    const q = ['かいご', 'カイゴ', 'ｶｲｺﾞ'].map((kw) => plan(`kw=${encodeURIComponent(kw)}`).tsquery);
    expect(new Set(q).size).toBe(1);
    expect(q[0]).toBe("('カイ' & 'イゴ')");
  });

  it('SR-1 a one-character word is a prefix match without recheck', () => {
    const p = plan('kw=寮');
    expect(p.tsquery).toBe("('寮':*)");
    expect(p.likeAll).toEqual([]);
  });

  it('SR-1 words of three or more characters are rechecked with LIKE (AND)', () => {
    const p = plan(`kw=${encodeURIComponent('普通自動車 寮')}`);
    expect(p.tsquery).toBe("('普通' & '通自' & '自動' & '動車') & ('寮':*)");
    expect(p.likeAll).toEqual(['%普通自動車%']);
  });

  it('SR-1 OR mode rechecks every word when one needs it', () => {
    const p = plan(`kw=${encodeURIComponent('介護 看護師')}&kwMode=or`);
    expect(p.tsquery).toBe("(('介護') | ('看護' & '護師'))");
    expect(p.likeAll).toEqual([]);
    expect(p.likeAny).toEqual(['%介護%', '%看護師%']);
  });

  it('SR-1 exclude words become NOT conditions, rechecked when long', () => {
    const p = plan(`kw=${encodeURIComponent('介護')}&kwx=${encodeURIComponent('夜勤 派遣社員')}`);
    expect(p.exclude).toEqual([
      { tsquery: "'夜勤'", like: null },
      { tsquery: "'派遣' & '遣社' & '社員'", like: '%派遣社員%' },
    ]);
  });

  it('SR-1 structured filters become tokens in the same tsquery: OR within a group, AND between groups', () => {
    const p = plan('pref=13&pref=14&ws=part_time&f=car_commute&f=no_transfer&bonus=1&online=1');
    expect(p.tsquery).toBe(
      [
        `(('${FILTER}p13') | ('${FILTER}p14'))`,
        `('${FILTER}wpart_time')`,
        `('${FILTER}fcar_commute')`,
        `('${FILTER}fno_transfer')`,
        `('${FILTER}bonus')`,
        `('${FILTER}online')`,
      ].join(' & '),
    );
    expect(p.filterClauses[0]).toEqual([{ lexemes: [`${FILTER}p13`] }, { lexemes: [`${FILTER}p14`] }]);
  });

  it('SR-1 事業所名 searches the employer-name bigrams and excludes by LIKE', () => {
    const p = plan(`co=${encodeURIComponent('ハローワーク')}&cox=${encodeURIComponent('派遣')}`);
    expect(p.tsquery).toContain(`'${NAME}ハロ'`);
    expect(p.employerLikes).toEqual(['%ハローワーク%']);
    expect(p.employerExcludeLikes).toEqual(['%派遣%']);
  });

  it('SR-1 新着 当日・前日 and 1週間以内 map to accepted-on ranges', () => {
    expect(plan('new=2').acceptedFrom).toBe('2026-11-20');
    expect(plan('new=7').acceptedFrom).toBe('2026-11-15');
  });

  it('SR-1 ranges: wage, holidays, age, hours', () => {
    const p = plan('wage=２００，０００&hol=120&age=45&hfrom=9:00&hto=１８時');
    expect([p.wageMonthlyMin, p.annualHolidaysMin, p.age, p.hoursFrom, p.hoursTo]).toEqual([
      200000, 120, 45, 540, 1080,
    ]);
  });

  it('SR-1 results per page 10/30/50, sortable, paging capped at 1,000 results', () => {
    expect(plan('per=50&page=3&sort=wage')).toMatchObject({ limit: 50, offset: 100, sort: 'wage' });
    expect(plan('per=10&page=200')).toMatchObject({ page: 100, offset: 990, limit: 10 });
  });

  it('SR-1 every page is a whole number and no page repeats another: the last page within 1,000 is short', () => {
    expect(plan('per=30&page=33')).toMatchObject({ page: 33, offset: 960, limit: 30 });
    expect(plan('per=30&page=34')).toMatchObject({ page: 34, offset: 990, limit: 10 });
    expect(plan('per=30&page=35')).toMatchObject({ page: 34, offset: 990, limit: 10 });
    expect(plan('per=50&page=20')).toMatchObject({ page: 20, offset: 950, limit: 50 });
  });

  it('SR-5 求人番号 accepts full-width digits and any dash, up to 5', () => {
    expect(
      plan(`no=${encodeURIComponent('１３０１０ー０９９９９９９９, 1301012345678')}`).jobNumbers,
    ).toEqual(['13010-09999999', '13010-12345678']);
    expect(searchSchema.safeParse(searchValues(new URLSearchParams('no=123-45'))).success).toBe(false);
    const six = Array.from({ length: 6 }, (_, i) => `13010-0000000${i}`).join(' ');
    expect(
      searchSchema.safeParse(searchValues(new URLSearchParams(`no=${encodeURIComponent(six)}`))).success,
    ).toBe(false);
  });

  it('SR-1 refuses a keyword over 50 characters and more than 3 prefectures', () => {
    expect(searchSchema.safeParse(searchValues(new URLSearchParams(`kw=${'あ'.repeat(51)}`))).success).toBe(
      false,
    );
    expect(
      searchSchema.safeParse(searchValues(new URLSearchParams('pref=01&pref=02&pref=03&pref=04'))).success,
    ).toBe(false);
  });
});

describe('SR-1 市区町村 and 就業時間 in the plan', () => {
  it('SR-1 a 市区町村 value matches its municipality code (a designated city with every ward) and its exact text', () => {
    const yokohama = plan(`city=${encodeURIComponent('横浜市')}`).filterClauses[0]!;
    expect(yokohama.map((t) => t.lexemes?.[0])).toEqual([`${FILTER}M14-001`, `${FILTER}m横浜市`]);
    const ward = plan(`city=${encodeURIComponent('横浜市中区')}`).filterClauses[0]!;
    expect(ward.map((t) => t.lexemes?.[0])).toEqual([`${FILTER}M14-001中区`, `${FILTER}m横浜市中区`]);
    const bare = plan(`pref=13&city=${encodeURIComponent('千代田')}`).filterClauses[1]!;
    expect(bare.map((t) => t.lexemes?.[0])).toEqual([`${FILTER}M13-002`, `${FILTER}m千代田`]);
  });

  it('SR-1 就業時間 to at or before from is the next day (night shifts)', () => {
    expect(plan('hfrom=22:00&hto=06:00')).toMatchObject({ hoursFrom: 1320, hoursTo: 1800 });
    expect(plan('hto=17:00')).toMatchObject({ hoursFrom: null, hoursTo: 1020 });
  });
});

describe('SR-1 the edges of the plan', () => {
  it('SR-1 就業時間 with only a start has no end; the same start and end is a whole day', () => {
    expect(plan('hfrom=9:00')).toMatchObject({ hoursFrom: 540, hoursTo: null });
    expect(plan('hfrom=9:00&hto=9:00')).toMatchObject({ hoursFrom: 540, hoursTo: 1980 });
    expect(plan('')).toMatchObject({ hoursFrom: null, hoursTo: null });
  });

  it('SR-1 every ticked 加入保険 must be offered: one clause each', () => {
    const p = plan('ins=employment&ins=health');
    expect(p.filterClauses).toEqual([
      [{ lexemes: [`${FILTER}iemployment`] }],
      [{ lexemes: [`${FILTER}ihealth`] }],
    ]);
  });

  it('SR-1 the plan keeps the typed words and their mode for comparisons', () => {
    expect(plan(`kw=${encodeURIComponent('かいご 寮')}`).keywords).toEqual({
      words: ['カイゴ', '寮'],
      mode: 'and',
    });
    expect(plan(`kw=${encodeURIComponent('介護')}&kwMode=or`).keywords).toEqual({
      words: ['介護'],
      mode: 'or',
    });
  });

  it('SR-1 LIKE rechecks only where bigrams are not exact: none for AND in likeAny, none for short OR words', () => {
    expect(plan(`kw=${encodeURIComponent('普通自動車')}`).likeAny).toEqual([]);
    expect(plan(`kw=${encodeURIComponent('介護 看護')}&kwMode=or`)).toMatchObject({
      likeAll: [],
      likeAny: [],
    });
    expect(plan(`co=${encodeURIComponent('派遣')}`).employerLikes).toEqual([]);
  });

  it('SR-1 each tick box of the form is one clause: 時間外なし, 週休二日 every week, 学歴・経験・免許不問', () => {
    expect(plan('noot=1&w2=1&noedu=1&noexp=1&nolic=1').filterClauses).toEqual(
      ['noot', '2every_week', 'noedu', 'noexp', 'nolic'].map((t) => [{ lexemes: [`${FILTER}${t}`] }]),
    );
  });

  it('SR-1 without 新着, no accepted-on limit', () => {
    expect(plan('').acceptedFrom).toBeNull();
  });
});
