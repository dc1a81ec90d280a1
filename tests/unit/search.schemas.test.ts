import { describe, expect, it } from 'vitest';
import {
  conditionsQuery,
  hasConditions,
  searchSchema,
  searchValues,
} from '../../src/modules/search/search.schemas.ts';

const parse = (query: string) => searchSchema.safeParse(searchValues(new URLSearchParams(query)));
const conditions = (query: string) => {
  const r = parse(query);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
};
const issue = (query: string) => {
  const r = parse(query);
  return r.success ? undefined : r.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('SR-1 search conditions as they arrive in the URL', () => {
  it('SR-1 reads a repeated parameter as a list and a single one as text', () => {
    expect(searchValues(new URLSearchParams('pref=13&pref=14&kw=介護&kw2='))).toEqual({
      pref: ['13', '14'],
      kw: '介護',
      kw2: '',
    });
  });

  it('SR-1 就業時間 accepts 9:00, 0900, 9時, 9時30分 and full-width digits, and 24:00 at most', () => {
    expect(conditions('hfrom=9:00').hfrom).toBe('09:00');
    expect(conditions('hfrom=0900').hfrom).toBe('09:00');
    expect(conditions(`hfrom=${encodeURIComponent('9時')}`).hfrom).toBe('09:00');
    expect(conditions(`hfrom=${encodeURIComponent('9時30分')}`).hfrom).toBe('09:30');
    expect(conditions(`hto=${encodeURIComponent('１７：４５')}`).hto).toBe('17:45');
    expect(conditions('hto=24:00').hto).toBe('24:00');
    expect(conditions('hfrom=%20').hfrom).toBeNull();
    expect(conditions('').hfrom).toBeNull();
    expect(conditions('hfrom=8:15&hfrom=9:00').hfrom).toBe('08:15');
  });

  it('SR-1 refuses an hour past 24, minutes from 60 and text that is no time', () => {
    expect(issue('hfrom=25:00')).toEqual([['hfrom', 'pattern']]);
    expect(issue('hto=9:60')).toEqual([['hto', 'pattern']]);
    expect(issue('hto=9:5')).toEqual([['hto', 'pattern']]);
    expect(issue('hfrom=morning')).toEqual([['hfrom', 'pattern']]);
    expect(issue('hfrom=x9:00')).toEqual([['hfrom', 'pattern']]);
    expect(issue('hfrom=9:00x')).toEqual([['hfrom', 'pattern']]);
    expect(issue(`hfrom=${encodeURIComponent('9分30')}`)).toEqual([['hfrom', 'pattern']]);
  });

  it('SR-1 a tick box is on only with the value 1', () => {
    expect(conditions('bonus=1').bonus).toBe(true);
    expect(conditions('bonus=on').bonus).toBe(false);
    expect(conditions('').bonus).toBe(false);
    expect(conditions('noot=1&noot=0').noot).toBe(true);
  });

  it('SR-5 求人番号 are separated by spaces, commas or 、, with any dash; 13 digits get their dash', () => {
    expect(
      conditions(`no=${encodeURIComponent('13010-09999999、13010-00000001，1301012345678')}`).no,
    ).toEqual(['13010-09999999', '13010-00000001', '13010-12345678']);
    expect(conditions('no=13010-09999999&no=13010-00000001').no).toEqual([
      '13010-09999999',
      '13010-00000001',
    ]);
    expect(conditions('').no).toEqual([]);
    expect(issue('no=13010-0999999')).toEqual([['no', 'jobNumber']]);
    expect(issue('no=x13010-09999999')).toEqual([['no', 'jobNumber']]);
    expect(issue('no=13010-09999999x')).toEqual([['no', 'jobNumber']]);
    const five = Array.from({ length: 5 }, (_, i) => `13010-0000000${i}`).join(' ');
    expect(conditions(`no=${encodeURIComponent(five)}`).no).toHaveLength(5);
  });

  it('SR-1 市区町村: up to three values of up to 30 characters, trimmed and NFKC-folded', () => {
    expect(
      conditions(`city=${encodeURIComponent(' 横浜市 ')}&city=&city=${encodeURIComponent('ﾁﾖﾀﾞ')}`).city,
    ).toEqual(['横浜市', 'チヨダ']);
    expect(conditions(`city=${encodeURIComponent('府中市')}`).city).toEqual(['府中市']);
    expect(conditions('').city).toEqual([]);
    expect(conditions('city=a&city=b&city=c').city).toEqual(['a', 'b', 'c']);
    expect(issue('city=a&city=b&city=c&city=d')).toEqual([['city', 'tooMany']]);
    expect(conditions(`city=${'あ'.repeat(30)}`).city).toHaveLength(1);
    expect(issue(`city=${'あ'.repeat(31)}`)?.[0]?.[0]).toBe('city.0');
  });

  it('SR-1 an empty search has no conditions; paging, sorting and the AND/OR choice are none either', () => {
    expect(hasConditions(conditions(''))).toBe(false);
    expect(hasConditions(conditions('sort=wage&per=50&page=2&kwMode=or'))).toBe(false);
    for (const q of [
      'kw=介護',
      'pref=13',
      'bonus=1',
      'age=30',
      'hfrom=9:00',
      'no=13010-09999999',
      'wage=0',
    ]) {
      expect(hasConditions(conditions(q)), q).toBe(true);
    }
  });

  it('SR-2 the query string of conditions keeps every value but the page and empty ones', () => {
    expect(
      conditionsQuery({ kw: '介護', pref: ['13', '14'], page: '3', co: '', per: undefined, sort: 'wage' }),
    ).toBe('kw=%E4%BB%8B%E8%AD%B7&pref=13&pref=14&sort=wage');
    expect(conditionsQuery({})).toBe('');
  });
});
