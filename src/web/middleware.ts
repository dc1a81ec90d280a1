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
 * The one caching rule for personal pages (shared office PCs): a response rendered for a session
 * (signed in, or one that just ended), for a request that sent a form (its page echoes the input),
 * or for a journey that carries what the visitor typed (the e-mail on the opening and reset steps)
 * is `no-store`. Error pages included: this runs after the error handler has rendered them.
 */
export function personalPagesNotStored(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const personal =
      c.var.auth !== null || c.var.endedSession !== null || c.req.method !== 'GET' || c.var.personal;
    if (personal) {
      c.header('Cache-Control', 'no-store');
      c.header('Pragma', 'no-cache');
    }
  };
}

/** Marks this response as showing what the visitor typed (see personalPagesNotStored). */
export function markPersonal(c: Context<AppEnv>): void {
  c.set('personal', true);
}
