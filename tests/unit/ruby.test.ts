import { describe, expect, it } from 'vitest';
import {
  convertDictionary,
  markersToPlain,
  markersToSentinels,
  renderRubyHtml,
  rubyMarkers,
  sentinelsToPlain,
} from '../../src/i18n/ruby.ts';

const html = (s: string) => renderRubyHtml(markersToSentinels(s));

describe('ふりがな markers (ADR 0034)', () => {
  it('finds the kanji run before 《 as the base, or the explicit base after ｜', () => {
    expect(rubyMarkers('仕事《しごと》を探《さが》します')).toEqual([
      { base: '仕事', reading: 'しごと' },
      { base: '探', reading: 'さが' },
    ]);
    expect(rubyMarkers('｜1日《いちにち》')).toEqual([{ base: '1日', reading: 'いちにち' }]);
    expect(rubyMarkers('かなだけ《かな》')).toEqual([]);
  });

  it('renders plain text for mail and files', () => {
    expect(markersToPlain('求人《きゅうじん》を探《さが》す')).toBe('求人（きゅうじん）を探（さが）す');
    expect(sentinelsToPlain(markersToSentinels('応募《おうぼ》'))).toBe('応募（おうぼ）');
  });

  it('renders <ruby> with <rp> in page text', () => {
    expect(html('<p>仕事《しごと》です</p>')).toBe(
      '<p><ruby>仕事<rp>（</rp><rt>しごと</rt><rp>）</rp></ruby>です</p>',
    );
  });

  it('renders the plain form in attributes, <title>, <option> and <textarea>', () => {
    expect(html('<a title="仕事《しごと》" aria-label="求人《きゅうじん》">x</a>')).toBe(
      '<a title="仕事（しごと）" aria-label="求人（きゅうじん）">x</a>',
    );
    expect(html('<title>求人《きゅうじん》</title><p>求人《きゅうじん》</p>')).toBe(
      '<title>求人（きゅうじん）</title><p><ruby>求人<rp>（</rp><rt>きゅうじん</rt><rp>）</rp></ruby></p>',
    );
    expect(html('<select><option value="1">東京《とうきょう》</option></select>')).toBe(
      '<select><option value="1">東京（とうきょう）</option></select>',
    );
    expect(html('<input placeholder="例《れい》" value="名前《なまえ》">')).toBe(
      '<input placeholder="例（れい）" value="名前（なまえ）">',
    );
    expect(html('<textarea>内容《ないよう》</textarea>')).toBe('<textarea>内容（ないよう）</textarea>');
  });

  it('never turns 《》 that are not the dictionary’s own into ruby (user data, 求人票 content)', () => {
    const typed = '<p>介護《かいご》スタッフ ｜急募《きゅうぼ》</p>';
    expect(renderRubyHtml(typed)).toBe(typed);
    // Private-use characters typed by someone are copied as they are: the key is unknown to them.
    const forged = '<p>\uE000abc\uE001介護\uE002かいご\uE003</p>';
    expect(renderRubyHtml(forged)).toBe(forged);
  });

  it('converts only the template of a message function, never its arguments', () => {
    const dict = convertDictionary(
      {
        hello: (name: string) => `${name}さん、仕事《しごと》があります`,
        list: (d: { titles: string[] }) => d.titles.join('／'),
        plain: '求人《きゅうじん》',
        nested: { items: ['応募《おうぼ》'] },
      },
      markersToPlain,
    );
    expect(dict.hello('山田《やまだ》')).toBe('山田《やまだ》さん、仕事（しごと）があります');
    expect(dict.list({ titles: ['介護《かいご》', '｜事務《じむ》'] })).toBe(
      '介護《かいご》／｜事務《じむ》',
    );
    expect(dict.plain).toBe('求人（きゅうじん）');
    expect(dict.nested.items).toEqual(['応募（おうぼ）']);
    expect(dict.hello.length).toBe(1);
  });
});
