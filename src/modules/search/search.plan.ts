/**
 * Turns search conditions into a plan (pure): one tsquery that meets keywords and structured
 * filters in a single GIN lookup, the LIKE rechecks that make longer words exact, exclusions,
 * range conditions, and paging. search.query.ts runs it.
 */
import { addDays, type LocalDate } from '../../platform/dates.ts';
import { resolveMunicipalityQuery } from '../geo/municipality.ts';
import { MAX_RESULTS, type SearchConditions, type SearchSort } from './search.schemas.ts';
import { filterToken, minutesOf } from './search-index.ts';
import {
  FILTER,
  likePattern,
  NAME,
  quoteLexeme,
  splitWords,
  type WordMatch,
  wordMatch,
  wordQuery,
} from './search-text.ts';

/** One searchable term: a word (all of its bigrams) or a one-character prefix. A filter token is a one-lexeme word. */
export type Term = { lexemes: string[]; prefix?: undefined } | { prefix: string; lexemes?: undefined };
/** Terms of which at least one must match. All clauses of a plan must match. */
export type Clause = Term[];

export interface SearchPlan {
  /** Keyword clauses (AND mode: one per word; OR mode: one with every word). */
  keywordClauses: Clause[];
  /** Structured-filter and 事業所名 clauses. */
  filterClauses: Clause[];
  /** Everything the GIN index can answer (keywords and filters together), or null. */
  tsquery: string | null;
  /** The keyword part alone, and the structured-filter part alone (for comparisons in bench/). */
  keywordQuery: string | null;
  filterQuery: string | null;
  /** The normalised keywords as typed (AND or OR), for baselines that match text directly. */
  keywords: { words: string[]; mode: 'and' | 'or' };
  /** body LIKE … conditions that must all hold (AND mode words of three or more characters). */
  likeAll: string[];
  /** body LIKE … conditions of which one must hold (OR mode with a word of three or more characters). */
  likeAny: string[];
  /** Excluded words: NOT (tokens @@ tsquery [AND body LIKE like]). */
  exclude: { tsquery: string; like: string | null }[];
  /** employer_name LIKE … for 事業所名 words of three or more characters. */
  employerLikes: string[];
  /** NOT employer_name LIKE … for each excluded 事業所名 word. */
  employerExcludeLikes: string[];
  wageMonthlyMin: number | null;
  wageHourlyMin: number | null;
  annualHolidaysMin: number | null;
  age: number | null;
  hoursFrom: number | null;
  hoursTo: number | null;
  acceptedFrom: LocalDate | null;
  /** 受付年月日 before this date only (新着求人 alerts, ADR 0025), or null. */
  acceptedBefore: LocalDate | null;
  /** Jobs whose 紹介期限日 has passed never show. */
  deadlineFrom: LocalDate;
  jobNumbers: string[];
  /** 都道府県 codes (also among the filter tokens), for the prefecture btree. */
  prefectures: string[];
  sort: SearchSort;
  /** Results per page as chosen (10/30/50), and the page shown (1-based, clamped to the last reachable page). */
  perPage: number;
  page: number;
  /** Rows to read for this page: perPage, less on the last page so no page reaches past MAX_RESULTS. */
  limit: number;
  offset: number;
}

/**
 * Paging within the first MAX_RESULTS results (SR-1): pages are whole numbers from 1 to
 * ceil(MAX_RESULTS / per); the last one is short (at 30 per page, page 34 holds results 991–1,000)
 * rather than moved back over the previous page's rows.
 */
export function pageWindow(requested: number, per: number): { page: number; offset: number; limit: number } {
  const last = Math.ceil(MAX_RESULTS / per);
  const page = Math.min(Math.max(1, Math.trunc(requested)), last);
  const offset = (page - 1) * per;
  return { page, offset, limit: Math.min(per, MAX_RESULTS - offset) };
}

const quoteTerm = (t: Term) =>
  t.prefix !== undefined ? `${quoteLexeme(t.prefix)}:*` : t.lexemes.map(quoteLexeme).join(' & ');
const clauseQuery = (c: Clause) =>
  `(${c.length === 1 ? quoteTerm(c[0]!) : c.map((t) => `(${quoteTerm(t)})`).join(' | ')})`;
/** The tsquery text of clauses that must all match, or null when there are none. */
export const clausesQuery = (clauses: Clause[]) =>
  clauses.length ? clauses.map(clauseQuery).join(' & ') : null;

const wordTerm = (w: WordMatch): Term => (w.prefix !== null ? { prefix: w.prefix } : { lexemes: w.grams });
const tokens = (values: string[]): Clause => values.map((v) => ({ lexemes: [FILTER + v] }));

/**
 * The tokens one 市区町村 value matches (any of them): the listed municipalities it names within the
 * chosen prefectures — a designated city with all its wards, or one ward (横浜市中区), or a name
 * without its suffix when only one fits (千代田 → 千代田区) — and the exact 市区町村 text as typed.
 */
export function municipalityTokens(city: string, prefectures: readonly string[]): string[] {
  const places = resolveMunicipalityQuery(city, prefectures).map((p) =>
    p.ward ? filterToken.ward(p.code, p.ward) : filterToken.municipalityCode(p.code),
  );
  return [...new Set([...places, filterToken.municipality(city)])];
}

/**
 * 就業時間 from–to in minutes. A "to" at or before "from" is the next day (22:00–06:00 searches a
 * night shift), matching how shifts past midnight are stored (shiftMinutes).
 */
export function hoursWindow(
  from: string | null,
  to: string | null,
): { hoursFrom: number | null; hoursTo: number | null } {
  const f = from ? minutesOf(from) : null;
  let t = to ? minutesOf(to) : null;
  if (f !== null && t !== null && t <= f) t += 1440;
  return { hoursFrom: f, hoursTo: t };
}

/** Jobs accepted from `from` up to, not including, `before` (a 新着求人 alert's days, ADR 0025). */
export interface AcceptedWindow {
  from: LocalDate;
  before: LocalDate;
}

const latest = (a: LocalDate | null, b: LocalDate | null) => (a === null ? b : b === null || a > b ? a : b);

export function planSearch(c: SearchConditions, today: LocalDate, accepted?: AcceptedWindow): SearchPlan {
  const mode = c.kwMode ?? 'and';
  const words = splitWords(c.kw).map((w) => wordMatch(w));
  const keywordClauses: Clause[] =
    mode === 'or' && words.length > 1 ? [words.map(wordTerm)] : words.map((w) => [wordTerm(w)]);

  const filterClauses: Clause[] = [
    tokens(c.pref.map(filterToken.prefecture)),
    tokens(c.city.flatMap((city) => municipalityTokens(city, c.pref))),
    tokens(c.occ.map(filterToken.occupation)),
    tokens(c.cat.map(filterToken.category)),
    tokens(c.ws.map(filterToken.workStyle)),
    tokens(c.emp.map(filterToken.employmentType)),
    tokens(c.size.map(filterToken.employees)),
    // Insurances and features: every ticked one must be offered.
    ...c.ins.map((i) => tokens([filterToken.insurance(i)])),
    ...c.f.map((f) => tokens([filterToken.feature(f)])),
    ...(c.bonus ? [tokens([filterToken.bonus()])] : []),
    ...(c.noot ? [tokens([filterToken.noOvertime()])] : []),
    ...(c.w2 ? [tokens([filterToken.weeklyTwoDaysOff('every_week')])] : []),
    ...(c.noedu ? [tokens([filterToken.noEducation()])] : []),
    ...(c.noexp ? [tokens([filterToken.noExperience()])] : []),
    ...(c.nolic ? [tokens([filterToken.noLicense()])] : []),
    ...(c.online ? [tokens([filterToken.online()])] : []),
  ].filter((clause) => clause.length > 0);
  const employerWords = splitWords(c.co).map((w) => wordMatch(w, NAME));
  filterClauses.push(...employerWords.map((w) => [wordTerm(w)]));

  const keywordQuery = clausesQuery(keywordClauses);
  const filterQuery = clausesQuery(filterClauses);
  const rechecked = words.filter((w) => w.recheck);
  const excluded = splitWords(c.kwx).map((w) => wordMatch(w));
  const per = Number(c.per ?? '30');
  const paging = pageWindow(c.page ?? 1, per);
  return {
    keywordClauses,
    filterClauses,
    tsquery: clausesQuery([...keywordClauses, ...filterClauses]),
    keywordQuery,
    filterQuery,
    keywords: { words: words.map((w) => w.word), mode },
    likeAll: mode === 'and' ? rechecked.map((w) => likePattern(w.word)) : [],
    likeAny: mode === 'or' && rechecked.length > 0 ? words.map((w) => likePattern(w.word)) : [],
    exclude: excluded.map((w) => ({ tsquery: wordQuery(w), like: w.recheck ? likePattern(w.word) : null })),
    employerLikes: employerWords.filter((w) => w.recheck).map((w) => likePattern(w.word)),
    employerExcludeLikes: splitWords(c.cox).map(likePattern),
    wageMonthlyMin: c.wage,
    wageHourlyMin: c.hwage,
    annualHolidaysMin: c.hol,
    age: c.age,
    ...hoursWindow(c.hfrom, c.hto),
    acceptedFrom: latest(
      c.new === '2' ? addDays(today, -1) : c.new === '7' ? addDays(today, -6) : null,
      accepted?.from ?? null,
    ),
    acceptedBefore: accepted?.before ?? null,
    deadlineFrom: today,
    jobNumbers: c.no,
    prefectures: c.pref,
    sort: c.sort ?? 'new',
    perPage: per,
    ...paging,
  };
}
