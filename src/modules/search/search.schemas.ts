/**
 * 求人検索 conditions (SPEC SR-1) as they arrive in a bookmarkable GET URL. Forgiving input:
 * full-width digits and letters, 求人番号 typed with any dash, wages with commas or 円.
 */
import { z } from 'zod';
import { choice, choices, integer, nfkc, text } from '../../platform/fields.ts';
import { foldDashes } from '../../platform/text.ts';
import { PREFECTURE_CODES } from '../geo/geo.data.ts';
import {
  EMPLOYMENT_TYPES,
  FEATURE_TAGS,
  INSURANCES,
  JOB_CATEGORIES,
  OCCUPATION_GROUPS,
  WORK_STYLES,
} from '../jobs/job.types.ts';
import { EMPLOYEE_BANDS } from './search-index.ts';

export const KEYWORD_MAX = 50;
export const PER_PAGE = ['10', '30', '50'] as const;
export const SORTS = ['new', 'deadline', 'wage'] as const;
export type SearchSort = (typeof SORTS)[number];
export const NEW_WITHIN = ['2', '7'] as const;
/** Counts are exact up to this many matches; pages reach this many results. */
export const MAX_RESULTS = 1_000;

const flag = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v),
  z
    .string()
    .optional()
    .transform((s) => s === '1'),
);

/** HH:MM, accepting full-width digits and 9:00 / 0900 / 9時. */
const time = z.preprocess(
  (v) => {
    const s = nfkc(typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '')
      .trim()
      .replace(/時/, ':')
      .replace(/分$/, '');
    if (s === '') return null;
    const m = /^(\d{1,2}):?(\d{2})?$/.exec(s);
    if (!m) return 'invalid';
    const h = Number(m[1]);
    const min = Number(m[2] ?? '0');
    return h <= 24 && min < 60 ? `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` : 'invalid';
  },
  z
    .string()
    .nullable()
    .refine((s) => s !== 'invalid', { message: 'pattern' }),
);

/** 求人番号, up to 5, separated by spaces or commas; any dash or width accepted. */
const jobNumbers = z.preprocess(
  (v) => {
    const raw = Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '';
    return foldDashes(nfkc(raw))
      .split(/[\s,、，]+/)
      .filter(Boolean)
      .map((n) => (/^\d{13}$/.test(n) ? `${n.slice(0, 5)}-${n.slice(5)}` : n));
  },
  z
    .array(z.string())
    .refine((a) => a.every((n) => /^\d{5}-\d{8}$/.test(n)), { message: 'jobNumber', abort: true })
    .refine((a) => a.length <= 5, { message: 'tooMany', params: { max: 5 } }),
);

export const searchSchema = z.object({
  kw: text({ max: KEYWORD_MAX, optional: true }),
  kwMode: choice(['and', 'or'] as const, { optional: true }),
  kwx: text({ max: KEYWORD_MAX, optional: true }),
  pref: choices(PREFECTURE_CODES, { max: 3 }),
  city: z.preprocess(
    (v) =>
      (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])
        .map((s) => nfkc(String(s)).trim())
        .filter(Boolean),
    z.array(z.string().max(30)).refine((a) => a.length <= 3, { message: 'tooMany', params: { max: 3 } }),
  ),
  occ: choices(OCCUPATION_GROUPS, { max: 3 }),
  cat: choices(JOB_CATEGORIES),
  ws: choices(WORK_STYLES),
  emp: choices(EMPLOYMENT_TYPES),
  age: integer({ min: 15, max: 99, optional: true }),
  new: choice(NEW_WITHIN, { optional: true }),
  no: jobNumbers,
  co: text({ max: KEYWORD_MAX, optional: true }),
  cox: text({ max: KEYWORD_MAX, optional: true }),
  wage: integer({ min: 0, max: 10_000_000, optional: true }),
  hwage: integer({ min: 0, max: 100_000, optional: true }),
  bonus: flag,
  hfrom: time,
  hto: time,
  noot: flag,
  w2: flag,
  hol: integer({ min: 0, max: 366, optional: true }),
  ins: choices(INSURANCES),
  size: choices(EMPLOYEE_BANDS),
  noedu: flag,
  noexp: flag,
  nolic: flag,
  f: choices(FEATURE_TAGS),
  online: flag,
  sort: choice(SORTS, { optional: true }),
  per: choice(PER_PAGE, { optional: true }),
  page: integer({ min: 1, max: MAX_RESULTS, optional: true }),
});

export type SearchConditions = z.output<typeof searchSchema>;

/** Reads repeated query parameters into the shape the schema expects. */
export function searchValues(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

/** Whether any condition at all was given (an empty search still lists the newest jobs). */
export function hasConditions(c: SearchConditions): boolean {
  return Object.entries(c).some(([k, v]) => {
    if (['sort', 'per', 'page', 'kwMode'].includes(k)) return false;
    if (Array.isArray(v)) return v.length > 0;
    return v !== undefined && v !== null && v !== '' && v !== false;
  });
}

/** The query string for conditions, without paging (for saved searches and "search again" links). */
export function conditionsQuery(values: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (k === 'page' || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) if (one !== '') params.append(k, one);
  }
  return params.toString();
}
