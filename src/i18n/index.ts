/**
 * Locales. Japanese is the default; English is the second locale. Every user-facing string lives
 * in ja.ts (the source of the Messages type) and en.ts (which must have the same shape).
 */
import { en } from './en.ts';
import { ja, type Messages } from './ja.ts';
import { LOCALES, type Locale } from './locales.ts';

export { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';
export type { Messages };

const dictionaries: Record<Locale, Messages> = { ja, en };

export function messages(locale: Locale): Messages {
  return dictionaries[locale];
}

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}
