/** Small text helpers shared by schemas and repositories. */

/** ひらがな (and ゝゞ) become カタカナ; everything else is kept. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** A row id from a URL: anything but a UUID names no row and must not reach the database. */
export const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** U+0000 and lone surrogates: text PostgreSQL cannot store (22021, 22P05 in jsonb). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find U+0000.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text as the database can keep it: U+0000 and lone surrogates become U+FFFD (the replacement
 * character), which validation refuses with a message next to the field (SPEC G-1).
 */
export function wellFormedText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find U+0000.
  return s.replace(/\u0000/g, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Whether the text holds a character that typed input never carries: NUL, U+FFFD, broken Unicode,
 * or a C0 control other than tab and line breaks.
 */
export function hasForbiddenChars(s: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find control characters.
  return UNSTORABLE.test(s) || /[\uFFFD\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** Cuts text to at most `max` characters as a person sees them (grapheme clusters), never inside one. */
export function cutText(s: string, max: number): string {
  let out = '';
  let n = 0;
  for (const { segment } of graphemes.segment(s)) {
    if (++n > max) break;
    out += segment;
  }
  return out;
}

/**
 * Every dash a person may type inside a number or code (電話番号, 郵便番号, 求人番号, 事業所番号)
 * becomes '-': hyphen-minus, the U+2010–U+2015 hyphens and dashes (‐ ‑ ‒ – — ―), minus sign (−),
 * full-width hyphen-minus (－), and the katakana long-vowel marks ー and ｰ that IMEs produce after a
 * digit. Only for numbers and codes: in Japanese words ー is a letter (ケーキ), so search text and
 * names must never go through this.
 */
export const DASHES = /[-\u2010-\u2015\u2212\uFF0D\u30FC\uFF70]/g;
export function foldDashes(s: string): string {
  return s.replace(DASHES, '-');
}
