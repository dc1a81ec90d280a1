/**
 * How pages travel (issue 14 "Clean pages"): HTML and other text compressed with brotli or gzip,
 * event streams and files left alone; static assets under content-hashed names cached for a year;
 * a favicon; a meta description on every page, the job's own on a 求人票.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.ts';
import { preferredEncoding, shouldCompress } from '../../src/web/compression.ts';
import { createJob } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('compression', () => {
  it('a page comes as brotli to a browser that takes it, as gzip to one that takes only gzip, plain otherwise — the same HTML each time', async () => {
    const plain = await get('/jobs');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const html = (await bytes(plain)).toString('utf8');
    expect(html).toContain('<!DOCTYPE html>');

    const br = await get('/jobs', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toMatch(/Accept-Encoding/i);
    expect(br.headers.get('Content-Length')).toBeNull();
    const brBytes = await bytes(br);
    expect(brBytes.length).toBeLessThan(html.length / 3);
    expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(html);

    const gz = await get('/jobs', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString('utf8')).toBe(html);
  });

  it('a compressed page keeps every other header: security headers, caching, its cookie', async () => {
    const plain = await get('/login');
    const br = await get('/login', { 'Accept-Encoding': 'br' });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    for (const name of [
      'Content-Type',
      'Cache-Control',
      'Content-Security-Policy',
      'X-Content-Type-Options',
    ]) {
      expect(br.headers.get(name), name).toBe(plain.headers.get(name));
    }
    expect(br.headers.get('Set-Cookie') === null).toBe(plain.headers.get('Set-Cookie') === null);
  });

  it('event streams, files, images, HEAD, 304 and bodies already encoded or marked no-transform are left alone', () => {
    const res = (type: string, headers: Record<string, string> = {}, status = 200) =>
      new Response(status === 304 ? null : 'x'.repeat(4096), {
        status,
        headers: { 'Content-Type': type, ...headers },
      });
    expect(shouldCompress(res('text/html; charset=UTF-8'), 'GET')).toBe(true);
    expect(shouldCompress(res('application/json'), 'GET')).toBe(true);
    expect(shouldCompress(res('text/csv; charset=utf-8'), 'GET')).toBe(true);
    expect(shouldCompress(res('text/event-stream'), 'GET')).toBe(false);
    expect(shouldCompress(res('application/pdf'), 'GET')).toBe(false);
    expect(shouldCompress(res('image/png'), 'GET')).toBe(false);
    expect(shouldCompress(res('application/octet-stream'), 'GET')).toBe(false);
    expect(shouldCompress(res('text/html'), 'HEAD')).toBe(false);
    expect(shouldCompress(res('text/html', {}, 304), 'GET')).toBe(false);
    expect(shouldCompress(res('text/html', { 'Content-Encoding': 'gzip' }), 'GET')).toBe(false);
    expect(shouldCompress(res('text/html', { 'Cache-Control': 'private, no-transform' }), 'GET')).toBe(false);
    expect(shouldCompress(res('text/html', { 'Content-Length': '200' }), 'GET')).toBe(false);
  });

  it('Accept-Encoding is read with its weights', () => {
    expect(preferredEncoding(undefined)).toBeUndefined();
    expect(preferredEncoding('')).toBeUndefined();
    expect(preferredEncoding('identity')).toBeUndefined();
    expect(preferredEncoding('gzip, br')).toBe('br');
    expect(preferredEncoding('br;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(preferredEncoding('BR')).toBe('br');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('*;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('gzip;q=0')).toBeUndefined();
    expect(preferredEncoding('deflate')).toBeUndefined();
  });
});

describe('assets', () => {
  it('pages link assets by content hash; those are immutable for a year, precompressed, and the plain names still answer', async () => {
    const dom = parse(await (await get('/')).text());
    const hrefs = [
      ...dom.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href') ?? ''),
      dom.querySelector('script[type="module"]')?.getAttribute('src') ?? '',
    ];
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) {
      expect(href).toMatch(/^\/assets\/[a-z]+\.[0-9a-f]{10}\.(css|js)$/);
      const plain = await get(href);
      expect(plain.status).toBe(200);
      expect(plain.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      const identity = await bytes(plain);
      const br = await get(href, { 'Accept-Encoding': 'br, gzip' });
      expect(br.headers.get('Content-Encoding')).toBe('br');
      expect(brotliDecompressSync(await bytes(br)).equals(identity)).toBe(true);
      const unhashed = href.replace(/\.[0-9a-f]{10}\./, '.');
      const old = await get(unhashed);
      expect(old.status).toBe(200);
      expect(old.headers.get('Cache-Control')).toBe('public, max-age=3600');
      expect((await bytes(old)).equals(identity)).toBe(true);
    }
    expect((await get('/assets/app.0000000000.css')).status).toBe(404);
  });

  it('the favicon is linked from every page and /favicon.ico leads to it', async () => {
    const dom = parse(await (await get('/jobs')).text());
    const icon = dom.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '';
    expect(icon).toMatch(/^\/assets\/favicon\.[0-9a-f]{10}\.svg$/);
    const svg = await get(icon);
    expect(svg.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(await svg.text()).toContain('<svg');
    const ico = await get('/favicon.ico');
    expect(ico.status).toBe(301);
    expect(ico.headers.get('Location')).toBe(icon);
  });
});

describe('meta description', () => {
  const description = async (path: string) =>
    parse(await (await get(path)).text())
      .querySelector('meta[name="description"]')
      ?.getAttribute('content');

  it('every page has one: the portal’s own, and on a 求人票 the job’s title, company and place', async () => {
    expect(await description('/')).toBe(messages('ja').site.description.public);
    expect(await description('/login')).toMatch(/求人/);
    const job = await createJob(ctx.deps, {
      title: '介護スタッフ（日勤）',
      prefectureCode: '13',
      city: '千代田区',
    });
    const text = await description(`/jobs/${job.jobNumber}`);
    expect(text).toContain('介護スタッフ（日勤）');
    expect(text).toContain('東京都千代田区');
  });
});
