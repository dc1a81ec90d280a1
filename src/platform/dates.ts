/**
 * Calendar arithmetic in Asia/Tokyo. Japan has used UTC+9 without daylight saving since 1951, so
 * a Tokyo calendar date is the UTC date of (instant + 9 h). Dates are ISO strings 'YYYY-MM-DD'
 * (the same text PostgreSQL's `date` type reads and writes), which keeps them comparable with < and >.
 */
export type LocalDate = string;

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): value is LocalDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The Tokyo calendar date of an instant. */
export function tokyoDate(instant: Date): LocalDate {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Tokyo calendar date begins (00:00 JST). */
export function startOfTokyoDay(date: LocalDate): Date {
  return new Date(parseUtc(date) - TOKYO_OFFSET_MS);
}

/** The instant at which a Tokyo calendar date ends (the next day's 00:00 JST, exclusive). */
export function endOfTokyoDay(date: LocalDate): Date {
  return new Date(parseUtc(date) - TOKYO_OFFSET_MS + DAY_MS);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(parseUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Last day of the month that is `monthsAhead` months after the month of `date` (0 = same month). */
export function endOfMonth(date: LocalDate, monthsAhead = 0): LocalDate {
  const [y, m] = split(date);
  // Day 0 of the month after the target month is the target month's last day.
  return new Date(Date.UTC(y, m - 1 + monthsAhead + 1, 0)).toISOString().slice(0, 10);
}

/** Same day `months` months later, clamped to the target month's last day (1/31 + 1 → 2/28). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = split(date);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((parseUtc(b) - parseUtc(a)) / DAY_MS);
}

export function sameMonth(a: LocalDate, b: LocalDate): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** Full years of age on `on` for someone born on `birth`. */
export function ageOn(birth: LocalDate, on: LocalDate): number {
  const [by, bm, bd] = split(birth);
  const [y, m, d] = split(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 2026-11-21 → 2026年11月21日 */
export function formatJapaneseDate(date: LocalDate): string {
  const [y, m, d] = split(date);
  return `${y}年${m}月${d}日`;
}

/** 2026-11-21 → 21 Nov 2026 */
export function formatEnglishDate(date: LocalDate): string {
  const [y, m, d] = split(date);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}

/** An instant shown as Tokyo wall-clock time: 2026-11-21 14:05. */
export function formatTokyoDateTime(instant: Date): string {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function split(date: LocalDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function parseUtc(date: LocalDate): number {
  const [y, m, d] = split(date);
  return Date.UTC(y, m - 1, d);
}
