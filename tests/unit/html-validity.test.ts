/**
 * The HTML check itself (issue 14): it must find what the Nu HTML Checker found on these pages, so a
 * page that brings one back fails its journey.
 */
import { describe, expect, it } from 'vitest';
import { htmlProblems } from '../support/html-validity.ts';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="ja"><head><title>求人検索</title></head><body><main>${body}</main></body></html>`;
const rules = async (body: string) => (await htmlProblems(page(body))).map((p) => p.rule);

describe('the HTML check', () => {
  it('passes a valid page', async () => {
    expect(await rules('<h1>求人検索</h1><h2>検索結果</h2><h3>介護職員</h3><p>本文</p>')).toEqual([]);
  });

  it('finds a skipped heading level (h1 → h3) and a second h1', async () => {
    expect(await rules('<h1>お気に入り求人</h1><h3>介護職員</h3>')).toEqual(['heading-level']);
    expect(await rules('<h1>a</h1><h1>b</h1>')).toEqual(['heading-level']);
  });

  it('finds an empty first <option> and accepts one with text or a label', async () => {
    const select = (first: string) =>
      `<h1>t</h1><label for="p">都道府県</label><select id="p" name="p">${first}<option value="13">東京都</option></select>`;
    expect(await rules(select('<option value=""></option>'))).toEqual(['empty-option']);
    expect(await rules(select('<option value="">選択しない</option>'))).toEqual([]);
    expect(await rules(select('<option value="" label="選択しない"></option>'))).toEqual([]);
  });

  it('finds autocomplete="street-address" on an <input>, which only a multi-line field may have', async () => {
    expect(
      await rules(
        '<h1>t</h1><label for="a">住所</label><input id="a" name="a" autocomplete="street-address">',
      ),
    ).toEqual(['valid-autocomplete']);
    expect(
      await rules(
        '<h1>t</h1><label for="a">住所</label><textarea id="a" name="a" autocomplete="street-address"></textarea>',
      ),
    ).toEqual([]);
  });

  it('finds the WCAG techniques: an image without alt, a field without a label', async () => {
    expect(await rules('<h1>t</h1><img src="a.png">')).toEqual(['wcag/h37']);
    expect(await rules('<h1>t</h1><input name="q">')).toEqual(['input-missing-label']);
  });
});
