/**
 * Jobs that fit a seeker's recorded 求職情報 (SPEC OR-1, ST-2; ADR 0016 "Fit list"). Pure.
 *
 * - `fitQueries` turns the desired conditions into 求人検索 conditions (SR-1) for the search module:
 *   a strict query (every condition the search understands) and a relaxed one (希望勤務地の都道府県 and
 *   求人区分 only), so the candidates are the jobs that fit and, after them, the near misses staff may
 *   still judge worth sending — each candidate comes from the one search path.
 * - `fitReasons` says, per aspect the seeker gave (place, 職種, 求人区分, 雇用形態, 賃金, 就業時間),
 *   whether the job fits, with a reason code the page words in the viewer's language.
 * - `rankFits` orders best first (fitScore), ties by newest (受付年月日, then id).
 *
 * The comparisons are the search's own: wages as monthly equivalents (search-index.ts), hours by
 * "one shift lies within the window" (hoursWindow, shiftMinutes), places by the municipality list
 * (resolveMunicipalityQuery, locateWorkplace) or the exact 市区町村 text.
 */
import { nfkc } from '../../platform/fields.ts';
import { locateWorkplace, resolveMunicipalityQuery } from '../geo/municipality.ts';
import type { EmploymentType, WageType, WorkHoursPattern, WorkStyle } from '../jobs/job.types.ts';
import { hoursWindow } from '../search/search.plan.ts';
import { KEYWORD_MAX, type SearchConditions, searchSchema } from '../search/search.schemas.ts';
import { monthlyEquivalent, shiftMinutes } from '../search/search-index.ts';
import { normalizeText } from '../search/search-text.ts';
import type { DesiredConditions } from '../seekers/seeker.types.ts';

export const FIT_ASPECTS = ['place', 'occupation', 'workStyle', 'employmentType', 'wage', 'hours'] as const;
export type FitAspect = (typeof FIT_ASPECTS)[number];

/** Why a job fits (or does not) one aspect; worded by i18n (referrals.fit.reason). */
export type FitReasonCode =
  | 'place_city'
  | 'place_city_other'
  | 'place_prefecture'
  | 'place_prefecture_other'
  | 'occupation_group'
  | 'occupation_title'
  | 'occupation_other'
  | 'work_style'
  | 'work_style_other'
  | 'employment_type'
  | 'employment_type_other'
  | 'wage_meets'
  | 'wage_range'
  | 'wage_below'
  | 'hours_within'
  | 'hours_outside';

export interface FitReason {
  aspect: FitAspect;
  fits: boolean;
  /** Fits only in part (the wage range reaches the wish, its lower end does not): half the score. */
  partial?: true;
  code: FitReasonCode;
}

/** What of a job the rule reads; a whole job_postings row fits. */
export interface FitJob {
  title: string;
  occupationCode: string;
  prefectureCode: string;
  city: string;
  workplaceAddress: string;
  workStyle: WorkStyle;
  employmentType: EmploymentType;
  wageType: WageType;
  wageMin: number;
  wageMax: number;
  workHours: WorkHoursPattern[];
}

/** Candidates per query (the search's largest page). */
export const FIT_QUERY_PER_PAGE = '50';

const SEPARATORS = /[、,，・/／\s]+/;

/** The words of a free-text list (「千代田区、港区」 → 千代田区, 港区), folded like search input, without repeats. */
export function listWords(text: string): string[] {
  return [
    ...new Set(
      nfkc(text)
        .split(SEPARATORS)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
}

/** A time of day: 9:00, 09:00, 9時, 9時30分, 9時半. */
const TIME = /(\d{1,2})\s*[:時]\s*(\d{2}|半)?\s*分?/g;
/** Two bare hours around a dash or wave: 9～18, 9-18. */
const BARE_RANGE = /^(\d{1,2})\s*[~〜\-－―ー]\s*(\d{1,2})$/;
const START_SEPARATOR = /^(?:[~〜\-－―ー]|から)/;

const hhmm = (h: number, min: number) => `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;

/**
 * 希望就業時間 as typed (9:00～18:00, 09:00-17:00, 9時から17時半, 9～18) → the search's from/to
 * (HH:MM). One time alone is a start, or an end when written after the separator (～18:00). Null
 * when no time can be read, or more than two are written.
 */
export function desiredHours(text: string): { from: string | null; to: string | null } | null {
  const s = nfkc(text).trim();
  const bare = BARE_RANGE.exec(s);
  if (bare) {
    const [from, to] = [Number(bare[1]), Number(bare[2])];
    return from <= 24 && to <= 24 ? { from: hhmm(from, 0), to: hhmm(to, 0) } : null;
  }
  const times: string[] = [];
  for (const m of s.matchAll(TIME)) {
    const h = Number(m[1]);
    const min = m[2] === '半' ? 30 : Number(m[2] ?? '0');
    if (h > 24 || min > 59) return null;
    times.push(hhmm(h, min));
  }
  if (times.length === 0 || times.length > 2) return null;
  if (times.length === 2) return { from: times[0]!, to: times[1]! };
  return START_SEPARATOR.test(s) ? { from: null, to: times[0]! } : { from: times[0]!, to: null };
}

/** Whether the seeker recorded anything the fit list can compare. */
export function hasDesired(d: DesiredConditions): boolean {
  return (
    d.prefectureCodes.length > 0 ||
    listWords(d.cities).length > 0 ||
    d.occupationCodes.length > 0 ||
    listWords(d.occupation).length > 0 ||
    d.workStyle !== 'either' ||
    d.employmentTypes.length > 0 ||
    d.wageMin !== null ||
    desiredHours(d.hours) !== null
  );
}

/** Up to `max` words whose space-joined text stays within `limit` characters. */
function within(words: string[], max: number, limit: number): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (out.length >= max) break;
    if ([...out, w].join(' ').length <= limit) out.push(w);
  }
  return out;
}

/**
 * The search conditions for a seeker's wishes: strict first, then relaxed (place and 求人区分);
 * one query when both are the same. Each is parsed by the search's own schema.
 */
export function fitQueries(d: DesiredConditions): SearchConditions[] {
  const base: Record<string, string | string[]> = {
    pref: d.prefectureCodes,
    ws: d.workStyle === 'either' ? [] : [d.workStyle],
    sort: 'new',
    per: FIT_QUERY_PER_PAGE,
  };
  const strict: Record<string, string | string[]> = { ...base };
  const cities = listWords(d.cities).filter((c) => c.length <= 30);
  if (cities.length) strict.city = cities.slice(0, 3);
  if (d.occupationCodes.length) strict.occ = d.occupationCodes;
  else {
    const words = within(listWords(d.occupation), 10, KEYWORD_MAX);
    if (words.length) {
      strict.kw = words.join(' ');
      strict.kwMode = 'or';
    }
  }
  if (d.employmentTypes.length) strict.emp = d.employmentTypes;
  if (d.wageMin !== null) {
    if (d.wageType === 'hourly') strict.hwage = String(Math.min(d.wageMin, 100_000));
    else strict.wage = String(Math.min(monthlyEquivalent(d.wageType, d.wageMin), 10_000_000));
  }
  const hours = desiredHours(d.hours);
  if (hours?.from) strict.hfrom = hours.from;
  if (hours?.to) strict.hto = hours.to;
  const queries = [strict, base].map((q) => searchSchema.parse(q));
  return JSON.stringify(queries[0]) === JSON.stringify(queries[1]) ? [queries[0]!] : queries;
}

/** The search's 市区町村 match: a listed municipality (with its ward, if named) or the exact text. */
function cityMatches(value: string, prefectures: readonly string[], job: FitJob): boolean {
  const place = locateWorkplace(job);
  const places = resolveMunicipalityQuery(value, prefectures);
  if (place && places.some((p) => p.code === place.code && (p.ward === null || p.ward === place.ward)))
    return true;
  return normalizeText(value) === normalizeText(job.city);
}

function placeReason(d: DesiredConditions, job: FitJob): FitReason | undefined {
  const cities = listWords(d.cities);
  if (d.prefectureCodes.length === 0 && cities.length === 0) return undefined;
  if (d.prefectureCodes.length > 0 && !d.prefectureCodes.includes(job.prefectureCode.trim()))
    return { aspect: 'place', fits: false, code: 'place_prefecture_other' };
  if (cities.length > 0) {
    const fits = cities.some((c) => cityMatches(c, d.prefectureCodes, job));
    return { aspect: 'place', fits, code: fits ? 'place_city' : 'place_city_other' };
  }
  return { aspect: 'place', fits: true, code: 'place_prefecture' };
}

function occupationReason(d: DesiredConditions, job: FitJob): FitReason | undefined {
  const words = listWords(d.occupation).map(normalizeText);
  if (d.occupationCodes.length === 0 && words.length === 0) return undefined;
  if (d.occupationCodes.includes(job.occupationCode.trim()))
    return { aspect: 'occupation', fits: true, code: 'occupation_group' };
  const title = normalizeText(job.title);
  if (words.some((w) => title.includes(w)))
    return { aspect: 'occupation', fits: true, code: 'occupation_title' };
  return { aspect: 'occupation', fits: false, code: 'occupation_other' };
}

function wageReason(d: DesiredConditions, job: FitJob): FitReason | undefined {
  if (d.wageMin === null) return undefined;
  const wanted = monthlyEquivalent(d.wageType, d.wageMin);
  if (monthlyEquivalent(job.wageType, job.wageMin) >= wanted)
    return { aspect: 'wage', fits: true, code: 'wage_meets' };
  if (monthlyEquivalent(job.wageType, job.wageMax) >= wanted)
    return { aspect: 'wage', fits: true, partial: true, code: 'wage_range' };
  return { aspect: 'wage', fits: false, code: 'wage_below' };
}

function hoursReason(d: DesiredConditions, job: FitJob): FitReason | undefined {
  const hours = desiredHours(d.hours);
  if (!hours) return undefined;
  const { hoursFrom, hoursTo } = hoursWindow(hours.from, hours.to);
  const fits = job.workHours.some((h) => {
    const [start, end] = shiftMinutes(h);
    return (hoursFrom === null || start >= hoursFrom) && (hoursTo === null || end <= hoursTo);
  });
  return { aspect: 'hours', fits, code: fits ? 'hours_within' : 'hours_outside' };
}

/** Per aspect the seeker gave, in FIT_ASPECTS order: fits or not, and why. Aspects not given are left out. */
export function fitReasons(d: DesiredConditions, job: FitJob): FitReason[] {
  const workStyle: FitReason | undefined =
    d.workStyle === 'either'
      ? undefined
      : job.workStyle === d.workStyle
        ? { aspect: 'workStyle', fits: true, code: 'work_style' }
        : { aspect: 'workStyle', fits: false, code: 'work_style_other' };
  const employment: FitReason | undefined =
    d.employmentTypes.length === 0
      ? undefined
      : d.employmentTypes.includes(job.employmentType)
        ? { aspect: 'employmentType', fits: true, code: 'employment_type' }
        : { aspect: 'employmentType', fits: false, code: 'employment_type_other' };
  return [
    placeReason(d, job),
    occupationReason(d, job),
    workStyle,
    employment,
    wageReason(d, job),
    hoursReason(d, job),
  ].filter((r): r is FitReason => r !== undefined);
}

/** Two points per aspect that fits, one for a partial fit, none for a miss. */
export function fitScore(reasons: readonly FitReason[]): number {
  return reasons.reduce((sum, r) => sum + (r.fits ? (r.partial ? 1 : 2) : 0), 0);
}

/** Best first; equal scores newest first (受付年月日, then the later id). */
export function rankFits<T extends { reasons: readonly FitReason[]; acceptedOn: string | null; id: number }>(
  items: readonly T[],
): T[] {
  const scored = items.map((item) => ({ item, score: fitScore(item.reasons) }));
  scored.sort((a, b) => {
    if (a.score !== b.score) return b.score - a.score;
    const da = a.item.acceptedOn ?? '';
    const db = b.item.acceptedOn ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return b.item.id - a.item.id;
  });
  return scored.map((s) => s.item);
}
