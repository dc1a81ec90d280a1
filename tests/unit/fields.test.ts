import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  charCount,
  choices,
  date,
  email,
  integer,
  kana,
  phone,
  postalCode,
  text,
} from '../../src/platform/fields.ts';

const first = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success
    ? { ok: true as const, data: r.data }
    : { ok: false as const, message: r.error.issues[0]?.message };
};

describe('G-1 field builders accept forgiving input and name the problem', () => {
  it('integer: full-width digits, commas and 円 are accepted', () => {
    expect(first(integer(), '２００，０００円')).toEqual({ ok: true, data: 200000 });
  });
  it('integer: words are refused as "not a number", not as missing', () => {
    expect(first(integer(), '十万')).toEqual({ ok: false, message: 'integer' });
    expect(first(integer({ optional: true }), 'abc')).toEqual({ ok: false, message: 'integer' });
  });
  it('integer: empty is required unless optional, bounds are checked', () => {
    expect(first(integer(), '')).toEqual({ ok: false, message: 'required' });
    expect(first(integer({ optional: true }), '')).toEqual({ ok: true, data: null });
    expect(first(integer({ min: 15 }), '14')).toEqual({ ok: false, message: 'min' });
    expect(first(integer({ max: 99 }), '100')).toEqual({ ok: false, message: 'max' });
  });
  it('text: trims, counts characters not bytes, refuses over the limit', () => {
    expect(first(text({ max: 3 }), '  介護職 ')).toEqual({ ok: true, data: '介護職' });
    expect(first(text({ max: 3 }), '介護職員')).toEqual({ ok: false, message: 'tooLong' });
    expect(first(text({ max: 2 }), '𠮷野')).toEqual({ ok: true, data: '𠮷野' });
    expect(first(text({ max: 5 }), '   ')).toEqual({ ok: false, message: 'required' });
  });
  it('email: full-width and upper case are normalised', () => {
    expect(first(email(), 'ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＪＰ')).toEqual({ ok: true, data: 'taro@example.jp' });
    expect(first(email(), 'taro@')).toEqual({ ok: false, message: 'email' });
  });
  it('date: slashes, 年月日 and full-width digits become ISO; impossible dates are refused', () => {
    expect(first(date(), '１９９８／４／１')).toEqual({ ok: true, data: '1998-04-01' });
    expect(first(date(), '1998年4月1日')).toEqual({ ok: true, data: '1998-04-01' });
    expect(first(date(), '1998-02-30')).toEqual({ ok: false, message: 'date' });
  });
  it('kana: half-width katakana and hiragana are folded to katakana; kanji and Latin letters are refused', () => {
    expect(first(kana({ max: 20 }), 'ﾔﾏﾀﾞ ﾀﾛｳ')).toEqual({ ok: true, data: 'ヤマダ タロウ' });
    expect(first(kana({ max: 20 }), 'やまだ　はなこ')).toEqual({ ok: true, data: 'ヤマダ ハナコ' });
    expect(first(kana({ max: 20 }), 'ゝゞ')).toEqual({ ok: true, data: 'ヽヾ' });
    expect(first(kana({ max: 20 }), '山田')).toEqual({ ok: false, message: 'kana' });
    expect(first(kana({ max: 20 }), 'Yamada')).toEqual({ ok: false, message: 'kana' });
  });
  it('phone and postal code accept full-width digits and long dashes', () => {
    expect(first(phone(), '０３ー１２３４ー５６７８')).toEqual({ ok: true, data: '03-1234-5678' });
    expect(first(postalCode(), '〒1008916')).toEqual({ ok: true, data: '100-8916' });
  });
  it('choices: at most `max`, only known values, duplicates removed', () => {
    const c = choices(['a', 'b', 'c', 'd'] as const, { max: 3 });
    expect(first(c, ['a', 'a', 'b'])).toEqual({ ok: true, data: ['a', 'b'] });
    expect(first(c, ['a', 'b', 'c', 'd'])).toEqual({ ok: false, message: 'tooMany' });
    expect(first(c, ['x'])).toEqual({ ok: false, message: 'invalidChoice' });
  });
});

describe('SR-1 character counting', () => {
  it('SR-1 a half-width kana with its dakuten (ｶﾞ) counts as one character', () => {
    expect(charCount('ｶﾞ')).toBe(1);
    expect(charCount('ﾊﾟｰﾄ')).toBe(3);
    expect(charCount('か\u3099')).toBe(1);
    expect(charCount('𠮷野家')).toBe(3);
    expect(first(text({ max: 50 }), 'ｶﾞ'.repeat(50))).toEqual({ ok: true, data: 'ｶﾞ'.repeat(50) });
    expect(first(text({ max: 50 }), 'ｶﾞ'.repeat(51))).toEqual({ ok: false, message: 'tooLong' });
  });
});
