/**
 * Locales. Japanese is the default; English is the second locale. Every user-facing string lives
 * in ja.ts (the source of the Messages type) and en.ts (which must have the same shape).
 */
import { en } from './en.ts';
import { ja, type Messages } from './ja.ts';

export type Locale = 'ja' | 'en';
export const LOCALES: readonly Locale[] = ['ja', 'en'];
export type { Messages };

const dictionaries: Record<Locale, Messages> = { ja, en };

export function messages(locale: Locale): Messages {
  return dictionaries[locale];
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}
