/** The locales the app speaks. Japanese is the default; kept apart so the schema can name them without the dictionaries. */
export const LOCALES = ['ja', 'en', 'ja-easy'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';
