import { describe, expect, it } from 'vitest';
import { labelTableCells } from '../../src/web/stack-tables.ts';

const table = (head: string, body: string) =>
  `<div class="table-wrap"><table><caption>c</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;

describe('tables stacked on narrow screens (issue 14): labelTableCells', () => {
  it('gives each body cell, the row header too, its column header as data-label', () => {
    const html = table(
      '<th scope="col">応募日時</th><th scope="col">応募者</th><th scope="col">状況</th>',
      '<tr><td>12/3</td><th scope="row"><a href="/x">山田</a></th><td>応募中</td></tr>' +
        '<tr><td>12/4</td><th scope="row">佐藤</th><td>採用</td></tr>',
    );
    const out = labelTableCells(html);
    expect(out).toContain('<td data-label="応募日時">12/3</td>');
    expect(out).toContain('<th data-label="応募者" scope="row"><a href="/x">山田</a></th>');
    expect(out).toContain('<td data-label="状況">採用</td>');
    expect(out.match(/data-label=/g)).toHaveLength(6);
    // The header cells themselves are untouched.
    expect(out).toContain('<th scope="col">応募日時</th>');
  });

  it('takes a header’s text without its tags, white space collapsed, and keeps it an attribute', () => {
    const html = table(
      '<th scope="col"><span class="x">求人\n  番号</span></th><th>a &amp; &quot;b&quot;</th><th>"q"</th>',
      '<tr><td>1</td><td>2</td><td>3</td></tr>',
    );
    const out = labelTableCells(html);
    expect(out).toContain('<td data-label="求人 番号">1</td>');
    expect(out).toContain('<td data-label="a &amp; &quot;b&quot;">2</td>');
    expect(out).toContain('<td data-label="&quot;q&quot;">3</td>');
  });

  it('follows colspan in the header and in the body, and leaves a cell past the headers alone', () => {
    const html = table(
      '<th colspan="2">氏名</th><th>状況</th>',
      '<tr><td>山田</td><td>太郎</td><td>応募中</td><td>extra</td></tr><tr><td colspan="2">x</td><td>y</td></tr>',
    );
    const out = labelTableCells(html);
    expect(out).toContain(
      '<td data-label="氏名">山田</td><td data-label="氏名">太郎</td><td data-label="状況">応募中</td><td>extra</td>',
    );
    expect(out).toContain('<td data-label="氏名" colspan="2">x</td><td data-label="状況">y</td>');
  });

  it('keeps a data-label a cell already has, labels each of two tables by its own headers, and changes nothing else', () => {
    const first = table('<th>A</th>', '<tr><td data-label="own">1</td></tr>');
    const second = table('<th>B</th>', '<tr><td>2</td></tr>');
    const page = `<main><p>text</p>${first}<p>between</p>${second}</main>`;
    const out = labelTableCells(page);
    expect(out).toContain('<td data-label="own">1</td>');
    expect(out).toContain('<td data-label="B">2</td>');
    expect(out.replace(/ data-label="B"/, '')).toBe(page);
  });

  it('returns a page without tables, or a table without a header row, as it was', () => {
    const noTable = '<main><p>応募はありません</p></main>';
    expect(labelTableCells(noTable)).toBe(noTable);
    const headless = '<table><tbody><tr><td>1</td></tr></tbody></table>';
    expect(labelTableCells(headless)).toBe(headless);
  });
});
