import { describe, expect, it } from 'vitest';
import { searchBackHref } from '../../src/web/search-back.ts';

const origin = 'https://hellowork.example.jp';

describe('issue 14 the breadcrumb back to 求人検索 keeps the conditions', () => {
  it('from this site’s results: the same conditions and page', () => {
    expect(searchBackHref(`${origin}/jobs?kw=%E4%BB%8B%E8%AD%B7&pref=13&page=2`, [origin])).toBe(
      '/jobs?kw=%E4%BB%8B%E8%AD%B7&pref=13&page=2',
    );
  });
  it('anything else: the empty search', () => {
    for (const referer of [
      undefined,
      '',
      'not a url',
      `${origin}/jobs`,
      `${origin}/jobs?`,
      `${origin}/mypage`,
      `${origin}/jobs/12345-67890123`,
      `${origin}/jobsx?kw=a`,
      `https://evil.example/jobs?kw=a`,
      `http://hellowork.example.jp/jobs?kw=a`,
      `${origin}.evil.example/jobs?kw=a`,
    ]) {
      expect(searchBackHref(referer, [origin]), String(referer)).toBe('/jobs');
    }
  });
  it('either of the site’s origins counts (BASE_URL behind a proxy, and the request’s own)', () => {
    expect(searchBackHref('http://localhost:3000/jobs?kw=a', [origin, 'http://localhost:3000'])).toBe(
      '/jobs?kw=a',
    );
  });
  it('the fragment of the referrer is dropped', () => {
    expect(searchBackHref(`${origin}/jobs?kw=a#results-title`, [origin])).toBe('/jobs?kw=a');
  });
});
