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
