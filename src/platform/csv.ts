/**
 * A CSV file as Excel and every spreadsheet open it (RFC 4180; ADR 0026): UTF-8 with a byte order
 * mark (so Excel reads Japanese as UTF-8, not Shift_JIS), CRLF after every record, a field quoted
 * when it holds a comma, a quote, CR or LF (its quotes doubled). A field that a spreadsheet would
 * run as a formula — starting with = + - @, a tab or CR — gets a leading ' (CSV injection, OWASP),
 * so what the seeker or an employer once typed stays text.
 */
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole file: the header row, then the rows, every record ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return BOM + [header, ...rows].map((r) => `${r.map(field).join(',')}\r\n`).join('');
}
