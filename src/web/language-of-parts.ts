/**
 * Language of parts (WCAG 3.1.2; issue 14 "English complete"). An English page still shows Japanese
 * where the content is Japanese: a 求人票's own text, an employer's or a person's name, an address,
 * a municipality. A screen reader reads such text with an English voice unless it is marked, so
 * `markJapanese` wraps every run of Japanese in the page's text in `<span lang="ja">`, once, on the
 * rendered English page (src/web/render.tsx). Interface text is English by the dictionary; that no
 * Japanese other than such content is left is what tests/integration/english-pages.test.ts checks.
 *
 * Attributes cannot carry a language of their own and are left alone, as are elements whose content
 * is text only and those already marked (the walk is rewriteHtmlText's, shared with the ruby pass).
 */
import { rewriteHtmlText } from '../platform/html-text.ts';

/** Kana (not the middle dot ・, a separator), kanji, 々〆, and half-width kana, as one class. */
const JA_CHAR =
  '[\\u3005-\\u3007\\u3040-\\u30FA\\u30FC-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF66-\\uFF9F]';
/**
 * A run: Japanese characters, and what may stand between them inside Japanese text (Japanese and
 * full-width punctuation, digits and hyphens as in 「１日4件」「2-8-1」). A space, a comma or a Latin
 * word ends it, so 「千代田区, 横浜市」 is two runs, and so is 「山田 太郎」.
 */
export const JAPANESE_RUN = new RegExp(
  `[\\u3000-\\u303F\\uFF01-\\uFF65]*${JA_CHAR}(?:[\\u3000-\\u303F\\uFF01-\\uFF65\\d-]*${JA_CHAR})*[\\u3000-\\u303F\\uFF01-\\uFF65]*`,
  'gu',
);

const wrap = (text: string) => text.replace(JAPANESE_RUN, (run) => `<span lang="ja">${run}</span>`);

export function markJapanese(html: string): string {
  return rewriteHtmlText(html, {
    text: (text, plain) => (plain ? text : wrap(text)),
    keepPlain: (tag) => /\slang="ja[^"]*"/.test(tag),
  });
}
