import { describe, expect, it } from 'vitest';
import {
  END,
  likePattern,
  NAME,
  normalizeText,
  quoteLexeme,
  splitWords,
  textGrams,
  wordMatch,
  wordQuery,
} from '../../src/modules/search/search-text.ts';

describe('normalizeText (SR-1: half- and full-width input, hiragana and katakana are equal)', () => {
  it('SR-1 folds hiragana, full-width katakana and half-width katakana to one form', () => {
    expect(normalizeText('かいご')).toBe('カイゴ');
    expect(normalizeText('カイゴ')).toBe('カイゴ');
    expect(normalizeText('ｶｲｺﾞ')).toBe('カイゴ');
  });
  it('SR-1 folds full-width letters and digits and lower-cases', () => {
    expect(normalizeText('ＰＣ操作（Ｅｘｃｅｌ）２ｔ')).toBe('pc操作(excel)2t');
    expect(normalizeText('JAVA')).toBe('java');
  });
  it('collapses ideographic and ASCII spaces and trims', () => {
    expect(normalizeText('　介護\u3000 事務  ')).toBe('介護 事務');
  });
  it('removes control and private-use characters so namespaced tokens cannot be forged', () => {
    expect(normalizeText(`寮${END}a\u0001b`)).toBe('寮 a b');
  });
  it('keeps kanji untouched (readings are a separate indexing step, readings.ts, ADR 0035)', () => {
    expect(normalizeText('介護')).toBe('介護');
  });
});

describe('textGrams', () => {
  it('indexes every character as the start of a bigram, closing segments with END', () => {
    expect([...textGrams('介護職 寮')].sort()).toEqual(['介護', '護職', `職${END}`, `寮${END}`].sort());
  });
  it('deduplicates and supports a namespace prefix', () => {
    expect([...textGrams('ааа', NAME)]).toEqual([`${NAME}аа`, `${NAME}а${END}`]);
  });
  it('handles characters outside the BMP as one character', () => {
    expect([...textGrams('𠮷野')]).toEqual(['𠮷野', `野${END}`]);
  });
});

describe('wordMatch', () => {
  it('SR-1 matches a one-character word by prefix, exactly', () => {
    expect(wordMatch('寮')).toEqual({ word: '寮', prefix: '寮', grams: [], recheck: false });
  });
  it('SR-1 matches a two-character word by its single bigram, exactly', () => {
    expect(wordMatch('介護')).toEqual({ word: '介護', prefix: null, grams: ['介護'], recheck: false });
  });
  it('SR-1 rechecks words of three or more characters against the text', () => {
    const m = wordMatch('普通自動車');
    expect(m.grams).toEqual(['普通', '通自', '自動', '動車']);
    expect(m.recheck).toBe(true);
  });
  it('builds tsquery text with escaping', () => {
    expect(wordQuery(wordMatch('寮'))).toBe("'寮':*");
    expect(wordQuery(wordMatch("o'k"))).toBe("'o''' & '''k'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
  });
});

describe('splitWords and likePattern', () => {
  it('splits on any whitespace after normalisation and removes duplicates', () => {
    expect(splitWords('かいご　カイゴ  寮')).toEqual(['カイゴ', '寮']);
    expect(splitWords('   ')).toEqual([]);
  });
  it('escapes LIKE wildcards', () => {
    expect(likePattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});

describe('normalizeText: the edges of each folded range (SR-1)', () => {
  it('SR-1 folds the whole hiragana block, ぁ through ゖ, and nothing beside it', () => {
    expect(normalizeText('ぁゖ')).toBe('ァヶ');
    // U+3040 and U+3097 are unassigned: kept as they are; ゝ (U+309D) is not a kana letter.
    expect(normalizeText('\u3040\u3097ゝ')).toBe('\u3040\u3097ゝ');
  });
  it('SR-1 turns every control character, C0, DEL and C1, and the private-use area into a space', () => {
    expect(normalizeText('a\u001fb\u007fc\u009fd\ue000e\uf8fff')).toBe('a b c d e f');
    expect(normalizeText('a\u0020b\u00a0c\uf900d')).toBe('a b c\u8c48d');
    expect(normalizeText(' \u00a1~')).toBe('¡~');
    expect(normalizeText('𠮷野家😀')).toBe('𠮷野家😀');
  });
  it('SR-1 a word of two characters needs no recheck; three do, counted as characters, not UTF-16 units', () => {
    expect(wordMatch('𠮷野').recheck).toBe(false);
    expect(wordMatch('𠮷野家').recheck).toBe(true);
    expect(wordMatch('ああああ').grams).toEqual(['ああ']);
  });
  it('SR-1 a namespace prefixes one-character and bigram lexemes alike', () => {
    expect(wordMatch('寮', NAME).prefix).toBe(`${NAME}寮`);
    expect(wordMatch('介護', NAME).grams).toEqual([`${NAME}介護`]);
  });
  it('SR-1 an empty text has no bigrams; a lone character closes with END under its namespace', () => {
    expect([...textGrams('')]).toEqual([]);
    expect([...textGrams('寮', NAME)]).toEqual([`${NAME}寮${END}`]);
  });
});
