/**
 * What a job contributes to the search index (pure): normalised text, its bigrams, employer-name
 * bigrams and structured-filter tokens, plus the range and sort columns.
 */

import { prefectureName } from '../geo/geo.data.ts';
import { locateWorkplace } from '../geo/municipality.ts';
import type {
  FeatureTag,
  Insurance,
  JobCategory,
  PublicationScope,
  WageType,
  WorkHoursPattern,
} from '../jobs/job.types.ts';
import { publicShowsEmployer, visibleJobText } from '../jobs/job-view.ts';
import type { ReadingOf } from './readings.ts';
import { FILTER, NAME, normalizeText, READINGS, textGrams } from './search-text.ts';

export interface IndexableJob {
  id: number;
  acceptedOn: string;
  referralDeadline: string;
  title: string;
  description: string;
  category: JobCategory;
  workStyle: string;
  employmentType: string;
  occupationCode: string;
  prefectureCode: string;
  city: string;
  workplaceAddress: string;
  nearestStation: string;
  ageMin: number | null;
  ageMax: number | null;
  education: string | null;
  experience: string | null;
  license: string | null;
  wageType: WageType;
  wageMin: number;
  hasBonus: boolean;
  workHours: WorkHoursPattern[];
  hasOvertime: boolean;
  annualHolidays: number;
  holidays: string;
  weeklyTwoDaysOff: string;
  insurances: string[];
  acceptsOnlineApplication: boolean;
  publicationScope: PublicationScope;
  features: string[];
  specialNotes: string;
  employerName: string;
  employeesTotal: number;
}

export interface SearchRow {
  jobId: number;
  prefectureCode: string;
  acceptedOn: string;
  referralDeadline: string;
  wageMonthly: number;
  wageHourly: number;
  annualHolidays: number;
  ageMin: number;
  ageMax: number;
  /** 就業時間 patterns as int4range literals in minutes, e.g. '[540,1020)'. */
  shifts: string[];
  municipalityCode: string | null;
  lexemes: string[];
  /** The normalised text, and after READINGS its reading when it has one (ADR 0035). */
  body: string;
  employerName: string;
}

/** 従業員数 bands used by search: 1–9, 10–29, 30–99, 100–299, 300–999, 1000+. */
export const EMPLOYEE_BANDS = ['1', '2', '3', '4', '5', '6'] as const;
export type EmployeeBand = (typeof EMPLOYEE_BANDS)[number];
export function employeeBand(n: number): EmployeeBand {
  if (n < 10) return '1';
  if (n < 30) return '2';
  if (n < 100) return '3';
  if (n < 300) return '4';
  if (n < 1000) return '5';
  return '6';
}

export const HOURS_PER_MONTH = 168;
export const DAYS_PER_MONTH = 21;
export const HOURS_PER_DAY = 8;

export function monthlyEquivalent(type: WageType, amount: number): number {
  if (type === 'hourly') return amount * HOURS_PER_MONTH;
  if (type === 'daily') return amount * DAYS_PER_MONTH;
  return amount;
}

export function hourlyEquivalent(type: WageType, amount: number): number {
  if (type === 'monthly') return Math.floor(amount / HOURS_PER_MONTH);
  if (type === 'daily') return Math.floor(amount / HOURS_PER_DAY);
  return amount;
}

export const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * One 就業時間 pattern as [start, end) minutes after midnight. A shift ending at or before its start
 * ends the next day: 22:00–06:00 is [1320, 1800).
 */
export function shiftMinutes(h: WorkHoursPattern): [number, number] {
  const start = minutesOf(h.start);
  const end = minutesOf(h.end);
  return [start, end <= start ? end + 1440 : end];
}

/** Structured-filter tokens (without the FILTER prefix); search.query.ts asks for the same ones. */
export const filterToken = {
  prefecture: (code: string) => `p${code}`,
  city: (prefectureCode: string, city: string) => `c${prefectureCode}${normalizeText(city)}`,
  /** The exact 市区町村 text of the job (kept for rows indexed before municipality codes). */
  municipality: (city: string) => `m${normalizeText(city)}`,
  /** A listed municipality (geo/municipality.ts), and a ward of a designated city within it. */
  municipalityCode: (code: string) => `M${code}`,
  ward: (code: string, ward: string) => `M${code}${normalizeText(ward)}`,
  occupation: (code: string) => `o${code}`,
  category: (c: string) => `k${c}`,
  workStyle: (w: string) => `w${w}`,
  employmentType: (e: string) => `e${e}`,
  bonus: () => 'bonus',
  noOvertime: () => 'noot',
  weeklyTwoDaysOff: (v: string) => `2${v}`,
  insurance: (i: Insurance | string) => `i${i}`,
  employees: (band: string) => `s${band}`,
  noEducation: () => 'noedu',
  noExperience: () => 'noexp',
  noLicense: () => 'nolic',
  feature: (f: FeatureTag | string) => `f${f}`,
  online: () => 'online',
};

/** The indexed body: the text, then its reading when it has one. */
export function indexedBody(text: string, reading: string): string {
  return reading === '' || reading === text ? text : text + READINGS + reading;
}

/** The text part of an indexed body (what the job's own words say, without the reading). */
export function bodyText(body: string): string {
  const at = body.indexOf(READINGS);
  return at < 0 ? body : body.slice(0, at);
}

/** The reading part of an indexed body ('' when it has none). */
export function bodyReading(body: string): string {
  const at = body.indexOf(READINGS);
  return at < 0 ? '' : body.slice(at + READINGS.length);
}

/**
 * The search words (normalised) that an indexed body holds only in its reading, not in its own
 * text: the page says such a job was found by reading (ADR 0035).
 */
export function readingOnlyWords(body: string, words: readonly string[]): string[] {
  const text = bodyText(body);
  const reading = bodyReading(body);
  return words.filter((w) => !text.includes(w) && reading.includes(w));
}

/**
 * The index row of a job. `readingOf` gives the reading of its text (readings.ts), whose bigrams
 * join the text's, so a kana word finds the kanji it reads.
 */
export function searchRow(job: IndexableJob, readingOf: ReadingOf): SearchRow {
  // Exactly what the public detail page shows for this 公開範囲 (visibleJobText), nothing hidden.
  const shown = visibleJobText(job, job.employerName, publicShowsEmployer(job));
  const employerName = normalizeText(shown.employerName ?? '');
  const shownText = [
    shown.title,
    shown.description,
    shown.employerName ?? '',
    prefectureName(shown.prefectureCode, 'ja'),
    shown.city,
    shown.workplaceAddress ?? '',
    shown.nearestStation,
    shown.education ?? '',
    shown.experience ?? '',
    shown.license ?? '',
    shown.holidays,
    shown.specialNotes,
  ].join(' ');
  const text = normalizeText(shownText);
  const reading = readingOf(shownText);
  // The place too comes from the shown text: a hidden address must not reveal the ward.
  const place = locateWorkplace({ ...shown, workplaceAddress: shown.workplaceAddress ?? '' });
  const filters = [
    filterToken.prefecture(job.prefectureCode),
    ...(place ? [filterToken.municipalityCode(place.code)] : []),
    ...(place?.ward ? [filterToken.ward(place.code, place.ward)] : []),
    filterToken.city(job.prefectureCode, job.city),
    filterToken.municipality(job.city),
    filterToken.occupation(job.occupationCode),
    filterToken.category(job.category),
    filterToken.workStyle(job.workStyle),
    filterToken.employmentType(job.employmentType),
    filterToken.weeklyTwoDaysOff(job.weeklyTwoDaysOff),
    filterToken.employees(employeeBand(job.employeesTotal)),
    ...job.insurances.map(filterToken.insurance),
    ...job.features.map(filterToken.feature),
    ...(job.hasBonus ? [filterToken.bonus()] : []),
    ...(job.hasOvertime ? [] : [filterToken.noOvertime()]),
    ...(job.education === null ? [filterToken.noEducation()] : []),
    ...(job.experience === null ? [filterToken.noExperience()] : []),
    ...(job.license === null ? [filterToken.noLicense()] : []),
    ...(job.acceptsOnlineApplication ? [filterToken.online()] : []),
  ];
  return {
    jobId: job.id,
    prefectureCode: job.prefectureCode,
    acceptedOn: job.acceptedOn,
    referralDeadline: job.referralDeadline,
    wageMonthly: monthlyEquivalent(job.wageType, job.wageMin),
    wageHourly: hourlyEquivalent(job.wageType, job.wageMin),
    annualHolidays: job.annualHolidays,
    ageMin: job.ageMin ?? 0,
    ageMax: job.ageMax ?? 999,
    shifts: job.workHours.map((h) => {
      const [start, end] = shiftMinutes(h);
      return `[${start},${end})`;
    }),
    municipalityCode: place?.code ?? null,
    lexemes: [
      ...new Set([...textGrams(text), ...textGrams(reading)]),
      ...textGrams(employerName, NAME),
      ...filters.map((f) => FILTER + f),
    ],
    body: indexedBody(text, reading),
    employerName,
  };
}
