/**
 * Every locale has every message (ADR 0034): the same key paths, arrays of the same length, and
 * every function-valued message with the same number of parameters and the same use of them (which
 * parameters, and which of their fields, the message reads). Fails when a key is missing in one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { LOCALES, type Messages, messages } from '../../src/i18n/index.ts';
import { ja } from '../../src/i18n/ja.ts';
import { jaEasy } from '../../src/i18n/ja-easy.ts';
import { markersToPlain } from '../../src/i18n/ruby.ts';

type Shape = Map<string, string>;

/** Methods of the values passed in (label.toLowerCase(), date.getTime()): how, not what, is read. */
const METHODS = new Set(
  [String.prototype, Number.prototype, Date.prototype, Array.prototype, Object.prototype].flatMap((p) =>
    Object.getOwnPropertyNames(p),
  ),
);

/** What a message function reads of its arguments, found by calling it with recording stand-ins. */
function parameterUse(fn: (...args: unknown[]) => unknown): string {
  const used = new Set<string>();
  const standIn = (path: string): unknown =>
    new Proxy(() => undefined, {
      get(_target, prop) {
        used.add(path.split('.').slice(0, 2).join('.'));
        if (prop === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 1 : `«${path}»`);
        if (prop === Symbol.iterator) return [][Symbol.iterator];
        if (typeof prop === 'symbol') return undefined;
        if (prop === 'toString' || prop === 'valueOf') return () => `«${path}»`;
        if (prop === 'length') return 1;
        if (METHODS.has(prop)) return standIn(path);
        return standIn(`${path}.${prop}`);
      },
      apply() {
        return standIn(path);
      },
    });
  const args = Array.from({ length: fn.length }, (_, i) => standIn(`p${i}`));
  try {
    fn(...args);
  } catch {
    // A helper that needs a real value (a Date): the arity still counts.
  }
  return [...used].sort().join(' ');
}

function shapeOf(value: unknown, path = '', out: Shape = new Map()): Shape {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    // The use, not the arity: `(_label) => …` and `() => …` read the same.
    out.set(path, `function ${parameterUse(fn)}`);
  } else if (Array.isArray(value)) {
    out.set(path, `array/${value.length}`);
    value.forEach((v, i) => {
      shapeOf(v, `${path}[${i}]`, out);
    });
  } else if (value && typeof value === 'object') {
    out.set(path, 'object');
    for (const [k, v] of Object.entries(value)) shapeOf(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, typeof value);
  }
  return out;
}

function differences(a: Shape, b: Shape): string[] {
  const found: string[] = [];
  for (const [path, kind] of a) {
    const other = b.get(path);
    if (other === undefined) found.push(`missing ${path}`);
    else if (other !== kind) found.push(`${path}: ${kind} ≠ ${other}`);
  }
  for (const path of b.keys()) if (!a.has(path)) found.push(`extra ${path}`);
  return found;
}

const sources: Record<string, Messages> = { ja, en, 'ja-easy': jaEasy };

describe('locale completeness', () => {
  it('knows every locale', () => {
    expect(Object.keys(sources).sort()).toEqual([...LOCALES].sort());
  });

  const reference = shapeOf(ja);
  for (const [name, dict] of Object.entries(sources)) {
    if (name === 'ja') continue;
    it(`${name} has every key of ja, and no other, with the same parameter use`, () => {
      expect(differences(reference, shapeOf(dict))).toEqual([]);
    });
  }

  it('fails when a key is missing in one locale, or a message reads other parameters', () => {
    const { home: _home, ...nav } = ja.nav;
    const broken = { top: ja.top, nav };
    expect(differences(shapeOf({ top: ja.top, nav: ja.nav }), shapeOf(broken))).toContain('missing nav.home');
    const a = shapeOf({ f: (label: string, max: number) => `${label}は${max}文字以内` });
    const b = shapeOf({ f: (label: string, _max: number) => `${label}が長すぎます` });
    expect(differences(a, b)).toHaveLength(1);
    const c = shapeOf({ f: (d: { name: string; url: string }) => `${d.name} ${d.url}` });
    const e = shapeOf({ f: (d: { name: string; url: string }) => `${d.name}` });
    expect(differences(c, e)).toHaveLength(1);
  });

  it('the plain やさしい日本語 dictionary has no marker left, and ruby never reaches into an argument', () => {
    const plain = messages('ja-easy');
    const leftovers: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'string' && /《|》/.test(v)) leftovers.push(path);
      else if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
      } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(plain, 'ja-easy');
    expect(leftovers).toEqual([]);
    // A template whose ruby base would start inside an argument (`${name}様《さま》`) would put a
    // person’s name under a reading: after an interpolation the base is always explicit (｜).
    const kanji = '[\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u3005\\u3006\\u30F6]';
    const reaching = new RegExp(`\\}${kanji}+《`, 'u');
    const dir = fileURLToPath(new URL('../../src/i18n/', import.meta.url));
    const files = ['ja-easy.ts', ...readdirSync(join(dir, 'ja-easy')).map((f) => join('ja-easy', f))];
    const offending = files.filter((f) => reaching.test(readFileSync(join(dir, f), 'utf8')));
    expect(offending).toEqual([]);
    expect(reaching.test(['`${', 'n}円《えん》`'].join(''))).toBe(true);
    expect(reaching.test(['`${', 'n}｜円《えん》`'].join(''))).toBe(false);
    expect(markersToPlain('仕事《しごと》')).toBe('仕事（しごと）');
  });
});
