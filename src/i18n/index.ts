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

const configured = new Map<string, Messages>();

/**
 * The messages of a locale with what depends on the configuration filled in: the apply form's note
 * on erasure (applying.form.documentNotes[4]) states DOCUMENT_RETENTION_MONTHS in the seed's words
 * (翌々月末, 翌々々月末 …; SPEC DR-1). Built once per locale and setting.
 */
export function messagesFor(locale: Locale, options: { retentionMonths: number }): Messages {
  const key = `${locale}|${options.retentionMonths}`;
  const known = configured.get(key);
  if (known) return known;
  const base = messages(locale);
  const notes = [...base.applying.form.documentNotes];
  notes[4] = base.applying.retention.formNote(options.retentionMonths);
  const built: Messages = {
    ...base,
    applying: { ...base.applying, form: { ...base.applying.form, documentNotes: notes } },
  };
  configured.set(key, built);
  return built;
}

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}
