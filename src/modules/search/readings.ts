/**
 * Readings of a job's text (issue 14, SPEC SR-1): かいご finds 介護. At indexing time the text is
 * read with kuromoji's IPADIC morphological analyser (through kuromojin): every word written with
 * kanji whose reading the dictionary knows is replaced by that reading, everything else is kept as
 * written, and the result is normalised like any searchable text (katakana). 「介護職員を募集。寮あり」
 * reads 「カイゴショクインヲボシュウ。リョウアリ」, so かいご, しょくいん, りょう and かいごしょくいん all
 * find it. Searching needs no analyser: a kana query is folded to katakana by normalizeText.
 *
 * The analyser loads its dictionary once per process (about 0.7–2 s and 330 MB of memory), the
 * first time something is indexed. Readings are the dictionary's best guess (二日 reads ニニチ, not
 * フツカ); a job is found by the reading it was indexed with. See docs/decisions/0035-kana-readings.md.
 */
import { getTokenizer } from 'kuromojin';
import { normalizeText } from './search-text.ts';

/** The reading of some text, normalised; '' when no word of it has a kanji reading (pure once made). */
export type ReadingOf = (text: string) => string;

/** For rows written without readings (the benchmark's comparison, unit tests of other parts). */
export const noReadings: ReadingOf = () => '';

/** What the reading needs of a token: its written form and the dictionary's katakana reading. */
export interface ReadToken {
  surface_form: string;
  reading?: string | undefined;
}

const KANJI = /[\p{Script=Han}々〆ヶ]/u;
/**
 * Where text is cut before analysis (after NFKC, so ，．！？ are ASCII): spaces, and after sentence
 * punctuation — kuromoji itself reads sentence by sentence.
 */
const PIECES = /\s+|[^\s、。,.!?]+[、。,.!?]*|[、。,.!?]+/gu;
/** Distinct pieces remembered; generated and real postings repeat many sentences. */
const MEMO_SIZE = 50_000;

/**
 * A reading function over a tokenizer. The text is NFKC-normalised but not kana-folded before
 * analysis (the analyser needs hiragana particles to cut words right), then the joined reading is
 * normalised. Pieces are memoised, since job texts share most of their sentences.
 */
export function readingWith(tokenize: (text: string) => readonly ReadToken[]): ReadingOf {
  const memo = new Map<string, { reading: string; read: boolean }>();
  const readPiece = (piece: string) => {
    const hit = memo.get(piece);
    if (hit) return hit;
    let reading = '';
    let read = false;
    for (const token of tokenize(piece)) {
      const known = token.reading && token.reading !== '*' ? token.reading : null;
      if (known && KANJI.test(token.surface_form)) {
        reading += known;
        read = true;
      } else reading += token.surface_form;
    }
    const entry = { reading, read };
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(piece, entry);
    return entry;
  };
  return (text) => {
    let reading = '';
    let read = false;
    for (const piece of text.normalize('NFKC').match(PIECES) ?? []) {
      if (!KANJI.test(piece)) {
        reading += piece;
        continue;
      }
      const r = readPiece(piece);
      reading += r.reading;
      read ||= r.read;
    }
    return read ? normalizeText(reading) : '';
  };
}

let loading: Promise<ReadingOf> | null = null;

/** The process's reading function; the dictionary is loaded on the first call. */
export function loadReadings(): Promise<ReadingOf> {
  loading ??= getTokenizer().then(
    (tokenizer) => readingWith((text) => tokenizer.tokenize(text)),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
