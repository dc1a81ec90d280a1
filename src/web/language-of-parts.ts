/**
 * Language of parts (WCAG 3.1.2; issue 14 "English complete"). An English page still shows Japanese
 * where the content is Japanese: a 求人票's own text, an employer's or a person's name, an address,
 * a municipality. A screen reader reads such text with an English voice unless it is marked, so
 * `markJapanese` wraps every run of Japanese in the page's text in `<span lang="ja">`, once, on the
 * rendered English page (src/web/render.tsx). Interface text is English by the dictionary; that no
 * Japanese other than such content is left is what tests/integration/english-pages.test.ts checks.
 *
 * The input is our own JSX output: `<` and `>` occur only as markup. Attributes cannot carry a
 * language of their own and are left alone, as are elements whose content is text only.
 */

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

/** Elements whose content is text only: a <span> cannot go there. */
const TEXT_ONLY = new Set(['title', 'option', 'textarea', 'script', 'style']);
/** Elements without an end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

const wrap = (text: string) => text.replace(JAPANESE_RUN, (run) => `<span lang="ja">${run}</span>`);

export function markJapanese(html: string): string {
  let out = '';
  let i = 0;
  /** The element (name) whose content is text only, or that is already marked Japanese. */
  let skip: string | null = null;
  let depth = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) {
      const text = html.slice(i, textEnd);
      out += skip ? text : wrap(text);
    }
    if (lt === -1) break;
    const gt = html.indexOf('>', lt);
    const tagEnd = gt === -1 ? html.length : gt + 1;
    const tag = html.slice(lt, tagEnd);
    out += tag;
    const name = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag);
    if (name) {
      const element = (name[2] ?? '').toLowerCase();
      const closing = name[1] === '/';
      if (skip === null) {
        const marked = TEXT_ONLY.has(element) || /\slang="ja[^"]*"/.test(tag);
        if (!closing && marked && !VOID.has(element) && !tag.endsWith('/>')) {
          skip = element;
          depth = 1;
        }
      } else if (element === skip) {
        depth += closing ? -1 : 1;
        if (depth === 0) skip = null;
      }
    }
    i = tagEnd;
  }
  return out;
}
