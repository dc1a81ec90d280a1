/**
 * Japanese keyword matching (SPEC SR-1); normalisation needs no dictionary (the readings that let kana
 * find kanji are a separate indexing step, readings.ts, ADR 0035). Text and queries go through the
 * same normalisation — NFKC (full-width ＡＢＣ１２３ and half-width ｶﾅ fold together), lower case,
 * hiragana folded to katakana — and are indexed as character bigrams. Each whitespace-separated
 * segment ends with a sentinel, so every character starts some bigram and a one-character query
 * is a prefix match. Bigrams of a longer word need not be adjacent, so matches of three or more
 * characters are rechecked against the normalised text; one- and two-character matches are exact.
 *
 * Structured filters become tokens in the same tsvector (namespace FILTER), so a keyword and its
 * filters meet in one GIN lookup. Namespaced tokens start with private-use characters, which
 * normalised text never contains.
 */
import { likeEscape } from '../../db/sql-helpers.ts';

/** Marks the end of a segment in bigrams ("寮" at the end of text → "寮" + END). */
export const END = '\uE000';
/** Prefix of structured-filter tokens, e.g. FILTER + 'p13' for 東京都. */
export const FILTER = '\uE001';
/** Prefix of employer-name bigrams (事業所名 search). */
export const NAME = '\uE002';
/**
 * Separates a job's normalised text from its reading in the indexed body (readings.ts, ADR 0035):
 * `text + READINGS + reading`. No search word contains it, so a LIKE recheck finds a word in the
 * text or in the reading, never across the two.
 */
export const READINGS = '\uE003';

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

/** NFKC, lower case, hiragana → katakana, control and private-use characters removed, spaces collapsed. */
export function normalizeText(input: string): string {
  let out = '';
  for (const ch of input.normalize('NFKC').toLowerCase()) {
    const cp = ch.codePointAt(0)!;
    if (cp >= HIRAGANA_START && cp <= HIRAGANA_END) out += String.fromCodePoint(cp + KATAKANA_OFFSET);
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xe000 && cp <= 0xf8ff)) out += ' ';
    else out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Distinct bigrams of normalised text, each segment closed by END. */
export function textGrams(normalized: string, prefix = ''): Set<string> {
  const grams = new Set<string>();
  for (const segment of normalized.split(' ')) {
    const chars = [...segment];
    for (let i = 0; i < chars.length; i++) grams.add(prefix + chars[i] + (chars[i + 1] ?? END));
  }
  grams.delete(prefix + END);
  return grams;
}

/**
 * How one normalised search word is matched: a prefix lexeme for one character, the AND of its
 * bigrams otherwise; `recheck` when bigram AND alone is not exact (three or more characters).
 */
export interface WordMatch {
  word: string;
  prefix: string | null;
  grams: string[];
  recheck: boolean;
}

export function wordMatch(word: string, namespace = ''): WordMatch {
  const chars = [...word];
  if (chars.length === 1) return { word, prefix: namespace + chars[0], grams: [], recheck: false };
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(namespace + chars[i] + chars[i + 1]);
  return { word, prefix: null, grams: [...grams], recheck: chars.length > 2 };
}

/** Splits a keyword box into normalised words (whitespace separates words). */
export function splitWords(input: string): string[] {
  const normalized = normalizeText(input);
  return normalized === '' ? [] : [...new Set(normalized.split(' '))];
}

/** A lexeme quoted for tsquery/tsvector text input. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tsquery text for one word: 'ab' & 'bc' … or 'x':* */
export function wordQuery(m: WordMatch): string {
  if (m.prefix !== null) return `${quoteLexeme(m.prefix)}:*`;
  return m.grams.map(quoteLexeme).join(' & ');
}

/** A LIKE pattern that finds `word` literally anywhere (%, _ and \ escaped). */
export function likePattern(word: string): string {
  return `%${likeEscape(word)}%`;
}
