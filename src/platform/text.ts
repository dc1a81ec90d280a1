/** Small text helpers shared by schemas and repositories. */

/** ひらがな (and ゝゞ) become カタカナ; everything else is kept. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** A row id from a URL: anything but a UUID names no row and must not reach the database. */
export const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

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
