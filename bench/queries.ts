/**
 * The fixed query set of the search benchmark. Each entry is the query string of a /jobs URL, so
 * it goes through the same searchSchema → planSearch path as the web page. Word frequencies are
 * those of the generated corpus (src/demo/job-corpus.ts) measured on a 2 % sample of 1.3 M
 * postings; they are descriptive only — the harness prints the real capped counts.
 */

/** The shape of the keyword part, the first half of a timing class. */
export type Shape =
  | '1-char'
  | '2-char'
  | '3–4-char'
  | '5+-char'
  | 'kana variant'
  | 'kana reading'
  | 'AND'
  | 'OR'
  | 'exclude'
  | 'filters only'
  | 'empty';

export const SHAPES: readonly Shape[] = [
  '1-char',
  '2-char',
  '3–4-char',
  '5+-char',
  'kana variant',
  'kana reading',
  'AND',
  'OR',
  'exclude',
  'filters only',
  'empty',
];

export interface BenchQuery {
  /** Short stable name used in tables and BENCH_ONLY. */
  id: string;
  shape: Shape;
  /** The /jobs query string (without '?'). */
  query: string;
  /** Why it is in the set (frequency in the generated data). */
  note: string;
}

const q = (id: string, shape: Shape, params: Record<string, string>, note: string): BenchQuery => ({
  id,
  shape,
  query: new URLSearchParams(params).toString(),
  note,
});

// Structured filters used with every shape.
const TOKYO = { pref: '13' };
const PART_TIME = { ws: 'part_time' };
const OSAKA_REGULAR = { pref: '27', emp: 'regular' };
const CAR_COMMUTE = { f: 'car_commute' };

export const QUERIES: readonly BenchQuery[] = [
  // One character: a prefix lexeme in the GIN index.
  q('1c-frequent', '1-char', { kw: '務' }, '業務/事務: in most postings'),
  q('1c-common', '1-char', { kw: '寮' }, '寮: about 10 %'),
  q('1c-rare', '1-char', { kw: '烏' }, '烏 (烏丸, 烏山): about 0.01 %'),
  q('1c-frequent+pref', '1-char', { kw: '務', ...TOKYO }, ''),
  q('1c-rare+car', '1-char', { kw: '笹', ...CAR_COMMUTE }, '笹: about 0.03 %'),
  q('1c-common+part', '1-char', { kw: '寮', ...PART_TIME }, ''),
  // Two characters: one exact bigram.
  q('2c-kaigo', '2-char', { kw: '介護' }, 'about 14 %'),
  q('2c-jimu', '2-char', { kw: '事務' }, 'about 14 %'),
  q('2c-yosetsu', '2-char', { kw: '溶接' }, 'about 0.9 %'),
  q('2c-rare', '2-char', { kw: '錦糸' }, '錦糸町: about 0.03 %'),
  q('2c-kaigo+osaka', '2-char', { kw: '介護', ...OSAKA_REGULAR }, ''),
  q('2c-jimu+part', '2-char', { kw: '事務', ...PART_TIME }, ''),
  q('2c-rare+pref', '2-char', { kw: '錦糸', ...TOKYO }, ''),
  // Three and four characters: AND of bigrams, rechecked with LIKE.
  q('3c-kangoshi', '3–4-char', { kw: '看護師' }, 'about 3.4 %'),
  q('4c-chouri', '3–4-char', { kw: '調理補助' }, 'about 1.7 %'),
  q('3c-kangoshi+pref', '3–4-char', { kw: '看護師', ...TOKYO }, ''),
  q('4c-chouri+part', '3–4-char', { kw: '調理補助', ...PART_TIME }, ''),
  // Five characters and more.
  q('5c-license', '5+-char', { kw: '普通自動車免許' }, 'about 2.3 %; its bigrams also occur apart'),
  q('5c-forklift', '5+-char', { kw: 'フォークリフト' }, 'about 1.8 %'),
  q('5c-driver', '5+-char', { kw: 'ドライバー' }, 'five characters (ー counts): about 4.4 %'),
  q('5c-license+osaka', '5+-char', { kw: '普通自動車免許', ...OSAKA_REGULAR }, ''),
  q('5c-driver+car', '5+-char', { kw: 'ドライバー', ...CAR_COMMUTE }, ''),
  // Kana and width variants: normalised before matching.
  q(
    'kana-kaigo',
    'kana variant',
    { kw: 'かいご' },
    'hiragana → カイゴ: about 1 % as written, ~14 % with readings (介護)',
  ),
  q('kana-halfwidth', 'kana variant', { kw: 'ﾄﾞﾗｲﾊﾞｰ' }, 'half-width → ドライバー'),
  q('kana-kaigo+pref', 'kana variant', { kw: 'かいご', ...TOKYO }, ''),
  // Kana that finds kanji by reading (ADR 0035): the reading's bigrams, rechecked on text + reading.
  q('read-jimu', 'kana reading', { kw: 'じむ' }, '事務 read ジム: about 14 %'),
  q('read-ryo', 'kana reading', { kw: 'りょう' }, '寮 リョウ, also 医療・給料・料理 …: frequent'),
  q('read-kangoshi', 'kana reading', { kw: 'かんごし' }, '看護師 read カンゴシ: about 3.4 %'),
  q('read-license', 'kana reading', { kw: 'ふつうじどうしゃめんきょ' }, '普通自動車免許: about 2.3 %'),
  q('read-jimu+part', 'kana reading', { kw: 'じむ', ...PART_TIME }, ''),
  q('read-kangoshi+pref', 'kana reading', { kw: 'かんごし', ...TOKYO }, ''),
  // Two words, AND (the default).
  q('and-kaigo-yakin', 'AND', { kw: '介護 夜勤' }, 'two 2-char words'),
  q('and-kangoshi-ryo', 'AND', { kw: '看護師　寮' }, '3-char + 1-char, full-width space'),
  q('and-kaigo-yakin+pref', 'AND', { kw: '介護 夜勤', ...TOKYO }, ''),
  // Two words, OR.
  q('or-kaigo-hoiku', 'OR', { kw: '介護 保育', kwMode: 'or' }, 'two 2-char words'),
  q('or-kangoshi-hoikushi', 'OR', { kw: '看護師 保育士', kwMode: 'or' }, 'rechecked words: LIKE … or LIKE …'),
  q('or-kaigo-hoiku+osaka', 'OR', { kw: '介護 保育', kwMode: 'or', ...OSAKA_REGULAR }, ''),
  // A word and an excluded word.
  q('ex-kaigo-yakin', 'exclude', { kw: '介護', kwx: '夜勤' }, '2-char minus 2-char'),
  q('ex-mu-ryo', 'exclude', { kw: '務', kwx: '寮' }, '1-char minus 1-char'),
  q('ex-kaigo-yakin+part', 'exclude', { kw: '介護', kwx: '夜勤', ...PART_TIME }, ''),
  q(
    'ex-driver-ogata+pref',
    'exclude',
    { kw: 'ドライバー', kwx: '大型', ...TOKYO },
    'rechecked word minus 2-char',
  ),
  // Structured conditions only.
  q('filters-tokyo', 'filters only', TOKYO, ''),
  q('filters-osaka-regular', 'filters only', OSAKA_REGULAR, ''),
  q('filters-part-car', 'filters only', { ...PART_TIME, ...CAR_COMMUTE }, ''),
  q('filters-okinawa-security', 'filters only', { pref: '47', occ: '06' }, 'a rare combination'),
  // Nothing: the newest jobs.
  q('empty', 'empty', {}, ''),
];

/** Whether a query carries structured filters (the second half of a timing class). */
export function hasFilters(query: BenchQuery): boolean {
  const keys = [...new URLSearchParams(query.query).keys()];
  return keys.some((k) => !['kw', 'kwMode', 'kwx', 'sort', 'per', 'page'].includes(k));
}

/** The timing class of a query, e.g. "2-char · filters". */
export function classOf(query: BenchQuery): string {
  if (query.shape === 'filters only' || query.shape === 'empty') return query.shape;
  return `${query.shape} · ${hasFilters(query) ? 'filters' : 'no filters'}`;
}

/** Classes in report order. */
export function classOrder(): string[] {
  return SHAPES.flatMap((s) =>
    s === 'filters only' || s === 'empty' ? [s] : [`${s} · no filters`, `${s} · filters`],
  );
}

/** The classes the "≥ 20× faster than ILIKE" target is about. */
export const SHORT_WORD_SHAPES: readonly Shape[] = ['1-char', '2-char'];

/** Queries the HTTP load test uses (a spread of shapes and frequencies). */
export const HTTP_QUERY_IDS = ['empty', '2c-kaigo', '1c-rare', '3c-kangoshi+pref', '1c-frequent'] as const;
