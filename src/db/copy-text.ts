/**
 * PostgreSQL COPY text format (the fastest way to bulk-load): one line per row, tab-separated,
 * \N for NULL, backslash escapes. Arrays are written as array literals and tsvectors as quoted
 * lexemes, each then escaped once more for COPY.
 */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[] | object;

/** Escapes a field for COPY text format. */
export function copyEscape(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** A text[] literal: {a,"b c","d\"e"}. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((i) => `"${i.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** A tsvector literal of lexemes used as they are: 'a' 'b''c'. */
export function tsvectorLiteral(lexemes: readonly string[]): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' ');
}

/** How a column is written: as a scalar, a text[] literal, or JSON (json/jsonb). */
export type CopyKind = 'scalar' | 'array' | 'json';

export function copyField(value: CopyValue, kind: CopyKind = 'scalar'): string {
  if (value === null || value === undefined) return '\\N';
  if (kind === 'json') return copyEscape(JSON.stringify(value));
  if (kind === 'array') return copyEscape(arrayLiteral(value as readonly string[]));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return copyEscape(value);
  return copyEscape(JSON.stringify(value));
}

export function copyLine(values: readonly CopyValue[], kinds?: readonly CopyKind[]): string {
  return `${values.map((v, i) => copyField(v, kinds?.[i])).join('\t')}\n`;
}

/** The COPY kind of a column from its SQL type ('text[]', 'jsonb', 'integer' …). */
export const copyKindOf = (sqlType: string): CopyKind =>
  sqlType.endsWith('[]') ? 'array' : sqlType === 'jsonb' || sqlType === 'json' ? 'json' : 'scalar';
