/**
 * Turns search conditions into a plan (pure): one tsquery that meets keywords and structured
 * filters in a single GIN lookup, the LIKE rechecks that make longer words exact, exclusions,
 * range conditions, and paging. search.query.ts runs it.
 */
import { addDays, type LocalDate } from '../../platform/dates.ts';
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

export interface SearchPlan {
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
  /** Jobs whose 紹介期限日 has passed never show. */
  deadlineFrom: LocalDate;
  jobNumbers: string[];
  sort: SearchSort;
  limit: number;
  offset: number;
}

const filter = (token: string) => quoteLexeme(FILTER + token);
const anyOf = (tokens: string[]) => (tokens.length === 1 ? tokens[0]! : `(${tokens.join(' | ')})`);
const allOf = (parts: string[]) => parts.join(' & ');

function wordsQuery(words: WordMatch[], mode: 'and' | 'or'): string | null {
  if (words.length === 0) return null;
  const parts = words.map((w) => `(${wordQuery(w)})`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(mode === 'or' ? ' | ' : ' & ')})`;
}

export function planSearch(c: SearchConditions, today: LocalDate): SearchPlan {
  const mode = c.kwMode ?? 'and';
  const words = splitWords(c.kw).map((w) => wordMatch(w));
  const parts: string[] = [];
  const keywords = wordsQuery(words, mode);

  const groups: string[][] = [
    c.pref.map((p) => filter(filterToken.prefecture(p))),
    c.city.map((m) => filter(filterToken.municipality(m))),
    c.occ.map((o) => filter(filterToken.occupation(o))),
    c.cat.map((k) => filter(filterToken.category(k))),
    c.ws.map((w) => filter(filterToken.workStyle(w))),
    c.emp.map((e) => filter(filterToken.employmentType(e))),
    c.size.map((s) => filter(filterToken.employees(s))),
  ];
  for (const g of groups) if (g.length) parts.push(anyOf(g));
  // Insurances and features: every ticked one must be offered.
  for (const i of c.ins) parts.push(filter(filterToken.insurance(i)));
  for (const f of c.f) parts.push(filter(filterToken.feature(f)));
  if (c.bonus) parts.push(filter(filterToken.bonus()));
  if (c.noot) parts.push(filter(filterToken.noOvertime()));
  if (c.w2) parts.push(filter(filterToken.weeklyTwoDaysOff('every_week')));
  if (c.noedu) parts.push(filter(filterToken.noEducation()));
  if (c.noexp) parts.push(filter(filterToken.noExperience()));
  if (c.nolic) parts.push(filter(filterToken.noLicense()));
  if (c.online) parts.push(filter(filterToken.online()));

  const employerWords = splitWords(c.co).map((w) => wordMatch(w, NAME));
  const employerQuery = wordsQuery(employerWords, 'and');
  if (employerQuery) parts.push(employerQuery);

  const filterQuery = parts.length ? allOf(parts) : null;
  const rechecked = words.filter((w) => w.recheck);
  const excluded = splitWords(c.kwx).map((w) => wordMatch(w));
  const per = Number(c.per ?? '30');
  const page = c.page ?? 1;
  return {
    tsquery: keywords && filterQuery ? `${keywords} & ${filterQuery}` : (keywords ?? filterQuery),
    keywordQuery: keywords,
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
    hoursFrom: c.hfrom ? minutesOf(c.hfrom) : null,
    hoursTo: c.hto ? minutesOf(c.hto) : null,
    acceptedFrom: c.new === '2' ? addDays(today, -1) : c.new === '7' ? addDays(today, -6) : null,
    deadlineFrom: today,
    jobNumbers: c.no,
    sort: c.sort ?? 'new',
    limit: per,
    offset: Math.min((page - 1) * per, MAX_RESULTS - per),
  };
}
