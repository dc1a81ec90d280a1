/**
 * Locales. Japanese is the default; English is the second locale; やさしい日本語 (ja-easy, ADR 0034) the
 * third. Every user-facing string lives in ja.ts (the source of the Messages type), en.ts and
 * ja-easy.ts (which must have the same shape: tests/unit/locale-completeness.test.ts).
 */
import { en } from './en.ts';
import { ja, type Messages } from './ja.ts';
import { jaEasy } from './ja-easy.ts';
import { LOCALES, type Locale } from './locales.ts';
import { convertDictionary, markersToPlain, markersToSentinels, sentinelsToPlain } from './ruby.ts';

export { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';
export type { Messages };

/** ふりがな as plain text 漢字（かんじ）: mail, files, anything that is not a page. */
const jaEasyPlain = convertDictionary(jaEasy, markersToPlain);
/** ふりがな as sentinels that the page output turns into <ruby> (src/i18n/ruby.ts). */
const jaEasyRuby = convertDictionary(jaEasy, markersToSentinels);

const dictionaries: Record<Locale, Messages> = { ja, en, 'ja-easy': jaEasyPlain };
/** The dictionaries of web requests (c.var.t): the same, except やさしい日本語 with ruby sentinels. */
const webDictionaries: Record<Locale, Messages> = { ja, en, 'ja-easy': jaEasyRuby };

/** The plain-text messages of a locale (mail, files, PDFs). */
export function messages(locale: Locale): Messages {
  return dictionaries[locale];
}

/** The plain-text form of a request's messages (for a PDF or file built from c.var.t). */
export function plainMessages(t: Messages): Messages {
  return t.locale.code === 'ja-easy' ? plainConfigured(t) : t;
}

const plainCache = new WeakMap<Messages, Messages>();
function plainConfigured(t: Messages): Messages {
  const known = plainCache.get(t);
  if (known) return known;
  const built = convertDictionary(t, sentinelsToPlain);
  plainCache.set(t, built);
  return built;
}

const configured = new Map<string, Messages>();

/**
 * The messages of a web request's locale (ふりがな as ruby sentinels for やさしい日本語) with what
 * depends on the configuration filled in: the apply form's note
 * on erasure (applying.form.documentNotes[4]) states DOCUMENT_RETENTION_MONTHS in the seed's words
 * (翌々月末, 翌々々月末 …; SPEC DR-1). Built once per locale and setting.
 */
export function messagesFor(locale: Locale, options: { retentionMonths: number }): Messages {
  const key = `${locale}|${options.retentionMonths}`;
  const known = configured.get(key);
  if (known) return known;
  const base = webDictionaries[locale];
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
