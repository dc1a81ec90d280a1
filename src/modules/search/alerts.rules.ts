/**
 * 新着求人 alerts for saved conditions (ADR 0025, AL-1..AL-7). Pure: when an alert is due, which
 * days of 受付年月日 it covers, the time slot a seeker's alerts run in, and the signed stop link.
 */

import { addDays, type LocalDate, startOfTokyoDay, tokyoDate } from '../../platform/dates.ts';
import { hmac, safeEqual, sha256 } from '../../platform/ids.ts';

export const ALERT_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/** AL-3: a mail lists at most this many jobs, newest first, and links to the search for the rest. */
export const ALERT_MAX_JOBS = 20;

/** AL-5: the day is cut into this many slots of 15 minutes, from ALERT_FIRST_HOUR in Tokyo. */
export const ALERT_SLOTS = 64;
export const ALERT_SLOT_MINUTES = 15;
export const ALERT_FIRST_HOUR = 6;

/** AL-2: never more than this many days of jobs in one mail (after 無効, a lapse, or a long pause). */
export const ALERT_MAX_WINDOW_DAYS = 7;

export const isAlertFrequency = (v: string): v is AlertFrequency =>
  (ALERT_FREQUENCIES as readonly string[]).includes(v);

/**
 * AL-1: the cutoff a newly switched-on alert starts from: the start of today in Tokyo, so the
 * first mail holds the jobs accepted from today on (none from before the seeker asked).
 */
export function initialCutoff(now: Date): Date {
  return startOfTokyoDay(tokyoDate(now));
}

/**
 * AL-2: whether an alert is due today. Daily: the last cutoff lies before today. Weekly: on the
 * 7th day since the last cutoff (or later, when a run was missed).
 */
export function alertDue(frequency: AlertFrequency, cutoff: Date | null, today: LocalDate): boolean {
  if (frequency === 'off') return false;
  if (cutoff === null) return true;
  const last = tokyoDate(cutoff);
  return frequency === 'daily' ? last < today : addDays(last, 7) <= today;
}

/**
 * AL-2: the 受付年月日 a due alert covers: from the last cutoff's day (at most
 * ALERT_MAX_WINDOW_DAYS back) up to, not including, today — whole days only, so a job accepted
 * later today is in tomorrow's mail and never in two. The new cutoff is the start of today.
 */
export function alertWindow(
  cutoff: Date | null,
  today: LocalDate,
): { from: LocalDate; before: LocalDate; cutoff: Date } {
  const earliest = addDays(today, -ALERT_MAX_WINDOW_DAYS);
  const last = cutoff === null ? addDays(today, -1) : tokyoDate(cutoff);
  return { from: last < earliest ? earliest : last, before: today, cutoff: startOfTokyoDay(today) };
}

/** AL-5: a seeker's slot, the same every day (a hash of the seeker id; all their alerts together). */
export function alertSlot(seekerId: string): number {
  return Number.parseInt(sha256(seekerId).slice(0, 8), 16) % ALERT_SLOTS;
}

/** AL-5: when a slot's run starts on a day. */
export function slotStart(day: LocalDate, slot: number): Date {
  const minutes = ALERT_FIRST_HOUR * 60 + slot * ALERT_SLOT_MINUTES;
  return new Date(startOfTokyoDay(day).getTime() + minutes * 60_000);
}

const stopMac = (secret: string, savedSearchId: string) => hmac(secret, `alert-stop|${savedSearchId}`);

/** AL-6: the token of the mail's stop link: the saved search's id and an HMAC of it. */
export function alertStopToken(secret: string, savedSearchId: string): string {
  return `${savedSearchId}.${stopMac(secret, savedSearchId)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** AL-6: the saved search a stop token names, or null when it is malformed or not ours. */
export function readAlertStopToken(secret: string, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  const mac = token.slice(dot + 1);
  if (!UUID.test(id)) return null;
  return safeEqual(mac, stopMac(secret, id)) ? id : null;
}

/**
 * AL-4: the search page link that shows all of the alert's jobs (and today's): the saved
 * conditions with 新着 (2 or 7 days) and newest first, from page 1.
 */
export function alertSearchQuery(savedQuery: string, frequency: Exclude<AlertFrequency, 'off'>): string {
  const params = new URLSearchParams(savedQuery);
  params.delete('page');
  params.set('new', frequency === 'daily' ? '2' : '7');
  params.set('sort', 'new');
  return params.toString();
}
