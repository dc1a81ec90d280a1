import { describe, expect, it } from 'vitest';
import { loadReadings, type ReadToken, readingWith } from '../../src/modules/search/readings.ts';

describe('SR-1 readings of job text with the morphological analyser (ADR 0035)', () => {
  it('SR-1 reads kanji words in katakana: 介護→カイゴ, 事務→ジム, 寮→リョウ', async () => {
    const read = await loadReadings();
    expect(read('介護')).toBe('カイゴ');
    expect(read('事務')).toBe('ジム');
    expect(read('寮')).toBe('リョウ');
  });

  it('SR-1 mixed text: kanji words read, kana, letters and digits kept as written, all normalised', async () => {
    const read = await loadReadings();
    expect(read('介護職員を募集。事務経験不問、寮あり。')).toBe(
      'カイゴショクインヲボシュウ。ジムケイケンフモン、リョウアリ。',
    );
    expect(read('ＰＣ操作と介護　ｶｲｺﾞ 1-2-3')).toBe('pcソウサトカイゴ カイゴ 1-2-3');
    // Okurigana belong to the reading too: はたらきやすい finds 働きやすい.
    expect(read('働きやすい職場')).toBe('ハタラキヤスイショクバ');
  });

  it('SR-1 text without kanji has no reading (nothing extra to index)', async () => {
    const read = await loadReadings();
    expect(read('かいごのおしごと ヘルパー ABC 123')).toBe('');
    expect(read('')).toBe('');
  });

  it('the dictionary is loaded once per process', async () => {
    expect(await loadReadings()).toBe(await loadReadings());
  });

  it('a kanji word the dictionary cannot read stays as written; pieces are analysed once', () => {
    const calls: string[] = [];
    const tokens: Record<string, ReadToken[]> = {
      '介護と𠮷野。': [
        { surface_form: '介護', reading: 'カイゴ' },
        { surface_form: 'と', reading: 'ト' },
        { surface_form: '𠮷野', reading: undefined },
        { surface_form: '。', reading: '。' },
      ],
    };
    const read = readingWith((piece) => {
      calls.push(piece);
      return tokens[piece] ?? [{ surface_form: piece, reading: '*' }];
    });
    expect(read('介護と𠮷野。 介護と𠮷野。')).toBe('カイゴト𠮷野。 カイゴト𠮷野。');
    expect(calls).toEqual(['介護と𠮷野。']);
    // Only unreadable kanji: no reading at all.
    expect(read('𠮷')).toBe('');
  });
});
