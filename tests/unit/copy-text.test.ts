import { describe, expect, it } from 'vitest';
import { arrayLiteral, copyField, copyKindOf, copyLine, tsvectorLiteral } from '../../src/db/copy-text.ts';

describe('COPY text format', () => {
  it('writes NULL, booleans, numbers and dates', () => {
    expect(copyLine([null, true, false, 12, new Date('2026-11-21T01:00:00Z')])).toBe(
      '\\N\tt\tf\t12\t2026-11-21T01:00:00.000Z\n',
    );
  });
  it('escapes backslash, tab and line breaks in text', () => {
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
  });
  it('writes arrays as quoted literals, escaped once more for COPY', () => {
    expect(arrayLiteral(['a', 'b c', 'd"e', 'f\\g'])).toBe('{"a","b c","d\\"e","f\\\\g"}');
    expect(copyField(['d"e'], 'array')).toBe('{"d\\\\"e"}');
  });
  it('writes jsonb as JSON text', () => {
    expect(copyField({ a: '介護\t' }, 'json')).toBe('{"a":"介護\\\\t"}');
    expect(copyField([{ start: '09:00' }], 'json')).toBe('[{"start":"09:00"}]');
  });
  it('derives the kind from the SQL type', () => {
    expect(['text[]', 'jsonb', 'integer'].map(copyKindOf)).toEqual(['array', 'json', 'scalar']);
  });
  it('writes tsvector lexemes quoted with doubled quotes', () => {
    expect(tsvectorLiteral(['寮\uE000', "o'k", 'a\\b'])).toBe("'寮\uE000' 'o''k' 'a\\\\b'");
  });
});
