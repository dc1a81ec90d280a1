import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from '../deps.ts';
import { isLocale, messagesFor } from '../i18n/index.ts';
import { renderRubyHtml } from '../i18n/ruby.ts';
import { randomToken } from '../platform/ids.ts';
import type { Lifecycle } from '../platform/lifecycle.ts';
import { readCookie } from './auth/cookies.ts';
import type { AppEnv } from './env.ts';

/** Counts the request while its handler runs (the shutdown waits for them: ADR 0028). */
export function inFlight(lifecycle: Lifecycle): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    const done = lifecycle.begin();
    try {
      await next();
    } finally {
      done();
    }
  };
}

/** Probes and scrapes, asked every few seconds: not logged per request (their failures are). */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Puts the dependencies, a request id and a request-scoped logger on the context; logs one line per request. */
export function requestContext(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomToken(9);
    const log = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('log', log);
    c.set('endedSession', null);
    c.set('formKept', false);
    c.set('csrfToken', '');
    c.set('personal', false);
    c.set('liveCursor', null);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    const path = c.req.path;
    if (path.startsWith('/assets/') || QUIET_PATHS.has(path)) return;
    log.info('request', {
      method: c.req.method,
      path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      role: c.var.auth?.role,
    });
  };
}

/** Japanese unless the visitor chose English or やさしい日本語 (cookie set by /locale). */
export function locale(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const chosen = readCookie(c, 'lang');
    const lang = isLocale(chosen) ? chosen : 'ja';
    c.set('locale', lang);
    c.set('t', messagesFor(lang, { retentionMonths: c.var.deps.config.documentRetentionMonths }));
    await next();
  };
}

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * The one place ふりがな become <ruby> (ADR 0034): a やさしい日本語 page's whole HTML, after JSX escaped
 * it. Only the dictionary's own markers carry the process key (src/i18n/ruby.ts), so what a person
 * typed or a 求人票 says is copied unchanged. Other responses (files, PDFs, .ics) are built from the
 * plain dictionary (plainMessages) and are not touched here.
 */
export function easyJapaneseOutput(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.var.locale !== 'ja-easy') return;
    if (!(c.res.headers.get('Content-Type') ?? '').startsWith('text/html')) return;
    const res = c.res;
    // Nothing to rewrite (a 304 must keep no body).
    if (res.body === null || NO_BODY.has(res.status)) return;
    const html = await res.text();
    const headers = new Headers(res.headers);
    headers.delete('Content-Length');
    c.res = undefined as never;
    c.res = new Response(renderRubyHtml(html), { status: res.status, statusText: res.statusText, headers });
  };
}

/** CSP without inline script or style, no framing, no sniffing; HSTS only behind https. */
export function securityHeaders(secure: boolean): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: secure ? 'max-age=63072000; includeSubDomains' : false,
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
    originAgentCluster: '?1',
    xXssProtection: '0',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });
}

/**
 * The one caching rule for pages (ADR 0039).
 * - Personal (shared office PCs): a response rendered for a session (signed in, or one that just
 *   ended), for a request that sent a form (its page echoes the input), or for a journey that carries
 *   what the visitor typed (the e-mail on the opening and reset steps) is `no-store`. Error pages
 *   included: this runs after the error handler has rendered them.
 * - A page that sets a cookie (a form's CSRF secret, a chosen language) is `no-store` too: a shared
 *   cache must never hand one visitor's cookie to the next.
 * - Any other page, the same for every visitor (求人検索, 求人票, the top page), is
 *   `public, no-cache` with a weak ETag of its body: a cache may keep it but asks each time, so an
 *   unchanged page costs a 304 and no bytes, and a withdrawn job is gone at the next request.
 *   `Vary: Cookie` because the language comes from a cookie.
 */
export function pageCaching(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const personal =
      c.var.auth !== null || c.var.endedSession !== null || c.req.method !== 'GET' || c.var.personal;
    if (personal || c.res.headers.has('Set-Cookie')) {
      c.header('Cache-Control', 'no-store');
      c.header('Pragma', 'no-cache');
      return;
    }
    const res = c.res;
    if (res.status !== 200 || res.body === null || res.headers.has('Cache-Control')) return;
    if (!(res.headers.get('Content-Type') ?? '').startsWith('text/html')) return;
    const body = await res.text();
    const tag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const headers = new Headers(res.headers);
    headers.set('Cache-Control', 'public, no-cache');
    headers.append('Vary', 'Cookie');
    headers.set('ETag', tag);
    c.res = undefined as never;
    if (etagMatches(c.req.header('If-None-Match'), tag)) {
      for (const h of ['Content-Type', 'Content-Length']) headers.delete(h);
      c.res = new Response(null, { status: 304, headers });
    } else {
      c.res = new Response(body, { status: 200, headers });
    }
  };
}

/** If-None-Match by the weak comparison (RFC 9110 13.1.2): `*`, or any listed tag equal but for W/. */
export function etagMatches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((t) => opaque(t) === opaque(tag));
}

/** Marks this response as showing what the visitor typed (see pageCaching). */
export function markPersonal(c: Context<AppEnv>): void {
  c.set('personal', true);
}
