/**
 * The CSV writer (issue 16, ADR 0026 HI-6): UTF-8 with BOM, CRLF, RFC 4180 quoting, and cells a
 * spreadsheet would run as a formula kept as text. Read back with an independent parser.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/platform/csv.ts';
import { parseCsv, readCsvBytes } from '../support/csv.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('toCsv (HI-6)', () => {
  it('HI-6 starts with the UTF-8 BOM and ends every record, the last too, with CRLF', () => {
    const csv = toCsv(['日付', '職種'], [['2026-11-21', '介護職員']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF日付,職種\r\n2026-11-21,介護職員\r\n');
    const read = readCsvBytes(bytes(csv));
    expect(read.bom).toBe(true);
    expect(read.records).toEqual([
      ['日付', '職種'],
      ['2026-11-21', '介護職員'],
    ]);
  });

  it('HI-6 a header alone, with no rows, is still a valid file', () => {
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
  });

  it('HI-6 quotes a field with a comma, a quote, CR or LF, doubling its quotes; leaves others bare', () => {
    const row = ['株式会社「テスト」, 本社', '彼は"はい"と', '一行目\n二行目', 'a\r\nb', 'plain', ''];
    const csv = toCsv(['x'], [row]);
    expect(csv.split('\r\n')[1]).toBe('"株式会社「テスト」, 本社","彼は""はい""と","一行目\n二行目","a');
    expect(parseCsv(csv.slice(1))).toEqual([['x'], row]);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")'],
    ['+81-3-1234'],
    ['-1+2'],
    ['@SUM(A1)'],
    ['\tcmd'],
    ['\rcmd'],
  ])('HI-6 a cell starting with a formula character (%j) gets a leading apostrophe', (value) => {
    const [, [cell]] = parseCsv(toCsv(['x'], [[value]]).slice(1)) as [string[], string[]];
    expect(cell).toBe(`'${value}`);
  });

  it('HI-6 only the first character counts: = or - inside a value is left alone', () => {
    const [, row] = parseCsv(toCsv(['a', 'b'], [['13010-09999999', 'a=b']]).slice(1));
    expect(row).toEqual(['13010-09999999', 'a=b']);
  });

  it('HI-6 Japanese, including surrogate pairs and the ideographic space, round-trips exactly', () => {
    const row = ['𠮷野家　山田', 'ｶﾀｶﾅ', '髙橋'];
    expect(readCsvBytes(bytes(toCsv(['x', 'y', 'z'], [row]))).records[1]).toEqual(row);
  });
});
