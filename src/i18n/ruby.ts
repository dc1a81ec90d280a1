/**
 * ふりがな in the やさしい日本語 dictionary (ADR 0034). Dictionary strings mark a reading the way
 * 青空文庫 does: `漢字《かんじ》`, where the base is the run of kanji just before 《, or
 * `｜base《reading》` when the base is not only kanji (e.g. `｜お仕事《しごと》` is not needed, but
 * `｜1日《いちにち》` is). Three forms leave this module:
 *
 * - plain text, `漢字（かんじ）`: mail, files, PDFs, JSON, and attributes/<title>/<option> of pages;
 * - sentinel text: the dictionary of a web request, where each marker becomes private-use characters
 *   carrying a key made at process start, so nobody can type or store one (user data and 求人票
 *   content never become ruby, even when they contain 《》 or ｜);
 * - HTML: `renderRubyHtml` turns sentinels in the escaped page into `<ruby>` in text and into the
 *   plain form inside tags and in elements whose content is text only. It runs once, on the whole
 *   escaped response (src/web/middleware.ts easyJapaneseOutput), after JSX escaping.
 */
import { randomBytes } from 'node:crypto';
import { rewriteHtmlText } from '../platform/html-text.ts';

/** A kanji (CJK ideograph, 々, 〆, ヶ). */
const KANJI = '[\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u3005\\u3006\\u30F6]';
const MARKER = new RegExp(`(?:｜([^｜《》]+)|(${KANJI}+))《([^《》]+)》`, 'gu');

const KEY = randomBytes(6).toString('hex');
/** Private-use characters around a base and a reading, with the process key after the opening one. */
const OPEN = `\uE000${KEY}\uE001`;
const MID = '\uE002';
const CLOSE = '\uE003';
const SENTINEL = new RegExp(
  `\\uE000${KEY}\\uE001([^\\uE000-\\uE003]*)\\uE002([^\\uE000-\\uE003]*)\\uE003`,
  'gu',
);

/** Marker characters in arguments (user data) are hidden while a template is converted. */
const PROTECT: Record<string, string> = { '《': '\uE010', '》': '\uE011', '｜': '\uE012' };
const UNPROTECT: Record<string, string> = { '\uE010': '《', '\uE011': '》', '\uE012': '｜' };

export interface RubyPart {
  base: string;
  reading: string;
}

/** The markers of a dictionary string, in order. */
export function rubyMarkers(text: string): RubyPart[] {
  return [...text.matchAll(MARKER)].map((m) => ({ base: m[1] ?? m[2] ?? '', reading: m[3] ?? '' }));
}

/** `漢字《かんじ》` → `漢字（かんじ）`. */
export function markersToPlain(text: string): string {
  return text.replace(MARKER, (_m, explicit, kanji, reading) => `${explicit ?? kanji}（${reading}）`);
}

/** `漢字《かんじ》` → sentinel text for a web request. */
export function markersToSentinels(text: string): string {
  return text.replace(
    MARKER,
    (_m, explicit, kanji, reading) => `${OPEN}${explicit ?? kanji}${MID}${reading}${CLOSE}`,
  );
}

/** Sentinel text → `漢字（かんじ）` (files, headers, PDFs made from a request's dictionary). */
export function sentinelsToPlain(text: string): string {
  if (!text.includes('\uE000')) return text;
  return text.replace(SENTINEL, (_m, base, reading) => `${base}（${reading}）`);
}

/** Whether a string carries sentinels (the request's dictionary is the やさしい日本語 one). */
export function hasSentinels(text: string): boolean {
  return text.includes(OPEN);
}

const rubyTag = (base: string, reading: string) =>
  `<ruby>${base}<rp>（</rp><rt>${reading}</rt><rp>）</rp></ruby>`;

/**
 * Sentinels in an escaped HTML document → <ruby> in text content, plain `漢字（かんじ）` inside tags
 * (attribute values) and inside <title>, <option>, <textarea>, <script>, <style>. Everything else is
 * copied byte for byte (rewriteHtmlText's walk, shared with the lang="ja" pass).
 */
export function renderRubyHtml(html: string): string {
  if (!html.includes('\uE000')) return html;
  return rewriteHtmlText(html, {
    text: (text, plain) =>
      plain ? sentinelsToPlain(text) : text.replace(SENTINEL, (_m, base, reading) => rubyTag(base, reading)),
    tag: sentinelsToPlain,
  });
}

function protect(value: unknown): unknown {
  if (typeof value === 'string')
    return /[《》｜]/u.test(value) ? value.replace(/[《》｜]/gu, (ch) => PROTECT[ch] ?? ch) : value;
  if (Array.isArray(value)) return value.map(protect);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, protect(v)]));
  }
  return value;
}

function unprotect(text: string): string {
  return /[\uE010-\uE012]/u.test(text)
    ? text.replace(/[\uE010-\uE012]/gu, (ch) => UNPROTECT[ch] ?? ch)
    : text;
}

/**
 * A copy of a dictionary with every string converted (markers → plain or sentinels). Functions are
 * wrapped: their arguments' marker characters are hidden first, so only the template's own markers
 * are converted, never what a person typed or a 求人票 says.
 */
export function convertDictionary<T>(value: T, convert: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return convert(v);
    if (typeof v === 'function') {
      const fn = v as (...args: unknown[]) => unknown;
      const wrapped = (...args: unknown[]) => {
        const result = fn(...args.map(protect));
        return deepOut(result);
      };
      Object.defineProperty(wrapped, 'length', { value: fn.length });
      Object.defineProperty(wrapped, 'original', { value: fn });
      return wrapped;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const deepOut = (v: unknown): unknown => {
    if (typeof v === 'string') return unprotect(convert(v));
    if (Array.isArray(v)) return v.map(deepOut);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepOut(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
