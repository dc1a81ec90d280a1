import { Duplex } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer in, from an Accept-Encoding header: brotli before gzip, a q=0 refuses, `*`
 * accepts both. Undefined: send the bytes as they are.
 */
export function preferredEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: Encoding) => accepted.get(name) ?? accepted.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return undefined;
}

/** Text worth compressing. Event streams are text too, but must reach the browser as they are written. */
const COMPRESSIBLE =
  /^(text\/(html|css|plain|csv|javascript|calendar)|application\/(json|xml|javascript|ld\+json)|image\/svg\+xml)\b/i;
/** Below this, the encoding's own overhead and the CPU are not worth it. */
const MIN_BYTES = 1024;

export function shouldCompress(res: Response, method: string): boolean {
  if (method === 'HEAD' || !res.body || res.status === 204 || res.status === 304) return false;
  if (res.headers.has('Content-Encoding')) return false;
  if (/\bno-transform\b/i.test(res.headers.get('Cache-Control') ?? '')) return false;
  if (!COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '')) return false;
  const length = res.headers.get('Content-Length');
  return length === null || Number(length) >= MIN_BYTES;
}

/**
 * Compresses pages and other text responses for browsers that accept it (issue 14: HTML compressed),
 * as a stream, so a large CSV is not held whole. Brotli at quality 5 costs about what gzip does at
 * its default and gives smaller pages; static assets come precompressed (src/web/assets.ts).
 */
export function compression(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
    const res = c.res;
    if (!encoding || !res.body || !shouldCompress(res, c.req.method)) return;
    const compressor =
      encoding === 'br'
        ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : createGzip({ level: 6 });
    const headers = new Headers(res.headers);
    headers.delete('Content-Length');
    headers.set('Content-Encoding', encoding);
    const vary = headers.get('Vary');
    if (!vary || !/\baccept-encoding\b/i.test(vary)) {
      headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    const body = res.body.pipeThrough(
      Duplex.toWeb(compressor) as ReadableWritablePair<Uint8Array, Uint8Array>,
    );
    c.res = undefined;
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
