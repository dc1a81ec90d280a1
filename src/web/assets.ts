import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { preferredEncoding } from './compression.ts';
import type { AppEnv } from './env.ts';

const require = createRequire(import.meta.url);
const here = (file: string) => fileURLToPath(new URL(`./assets/${file}`, import.meta.url));

/** Bytes in a plain ArrayBuffer of their own, as Response bodies take them. */
type Bytes = Uint8Array<ArrayBuffer>;
const own = (buffer: Buffer): Bytes => new Uint8Array(buffer);

interface Asset {
  /** The name pages link to: `app.3f9c1a2b7d.css`, its content hash in the name. */
  hashedName: string;
  type: string;
  identity: Bytes;
  br: Bytes;
  gzip: Bytes;
}

const SOURCES: Record<string, { path: string; type: string }> = {
  'tokens.css': {
    path: require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'),
    type: 'text/css; charset=utf-8',
  },
  'app.css': { path: here('app.css'), type: 'text/css; charset=utf-8' },
  'app.js': { path: here('app.js'), type: 'text/javascript; charset=utf-8' },
  'favicon.svg': { path: here('favicon.svg'), type: 'image/svg+xml' },
};

/** A year: the longest lifetime caches honour; a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The plain names stay served for old pages and bookmarks, but are revalidated soon. */
const PLAIN = 'public, max-age=3600';

function hashedName(name: string, bytes: Buffer): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

let loaded: Map<string, Asset> | null = null;

/**
 * Static assets, read and compressed once per process (small and few, so memory is the simplest
 * cache). Brotli at its best quality costs a few milliseconds here, once, instead of on every request.
 */
function assets(): Map<string, Asset> {
  if (loaded) return loaded;
  const map = new Map<string, Asset>();
  for (const [name, source] of Object.entries(SOURCES)) {
    const identity = readFileSync(source.path);
    map.set(name, {
      hashedName: hashedName(name, identity),
      type: source.type,
      identity: own(identity),
      br: own(brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
      gzip: own(gzipSync(identity, { level: 9 })),
    });
  }
  loaded = map;
  return map;
}

/** The URL of an asset under its content-hashed name, for pages to link to. */
export function assetHref(name: keyof typeof SOURCES & string): string {
  const asset = assets().get(name);
  if (!asset) throw new Error(`unknown asset ${name}`);
  return `/assets/${asset.hashedName}`;
}

/**
 * GET /assets/:file — under its hashed name for a year (immutable), under its plain name for an
 * hour; compressed with brotli or gzip when the browser takes it (Vary: Accept-Encoding).
 */
export function assetRoutes(): Hono<AppEnv> {
  const byName = new Map<string, { asset: Asset; cache: string }>();
  for (const [name, asset] of assets()) {
    byName.set(name, { asset, cache: PLAIN });
    byName.set(asset.hashedName, { asset, cache: IMMUTABLE });
  }
  const app = new Hono<AppEnv>();
  app.get('/:file', (c) => {
    const found = byName.get(c.req.param('file'));
    if (!found) return c.notFound();
    const { asset, cache } = found;
    const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', cache);
    c.header('Vary', 'Accept-Encoding');
    if (encoding) c.header('Content-Encoding', encoding);
    const body = encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.identity;
    return c.body(body);
  });
  return app;
}

/** /favicon.ico, which browsers ask for on their own: the SVG icon under its current name. */
export function faviconRoute(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.redirect(assetHref('favicon.svg'), 301);
  });
}
