/**
 * CSRF protection: a signed double-submit token. The browser holds a random secret in an HttpOnly
 * cookie; every form carries HMAC(server secret, cookie secret | session id). State-changing
 * requests must carry a matching token (form field _csrf or header X-CSRF-Token), checked on the
 * server; a foreign Origin, or Sec-Fetch-Site: cross-site, is refused as well.
 *
 * A form whose token was issued for a session that has just timed out is no attack but a slow
 * typist: its fields are kept for that account (SPEC MP-10) and the browser is sent to sign in.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { keepForm } from '../../modules/accounts/kept-forms.repository.ts';
import { fieldsToKeep } from '../../modules/accounts/session.rules.ts';
import { AppError } from '../../platform/errors.ts';
import { hmac, randomToken, safeEqual } from '../../platform/ids.ts';
import { splitFirstPart } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { readCookie, writeCookie } from './cookies.ts';

export const CSRF_FIELD = '_csrf';
/** Marks a kept form being sent again (see kept-form.routes.tsx). */
export const KEPT_FORM_FIELD = '_kept';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function expectedToken(c: Context<AppEnv>, cookieSecret: string, sessionId = c.var.auth?.id ?? ''): string {
  return hmac(c.var.deps.secret, `csrf|${cookieSecret}|${sessionId}`);
}

export function csrfMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A page gets its token (and the browser its secret) when it renders a form: csrfToken().
    if (SAFE_METHODS.has(c.req.method)) return next();
    const secret = readCookie(c, 'csrf');
    // Signing out when nobody is signed in (a page left open past the timeout) has nothing to
    // forge: it only clears what the browser still holds.
    if (!c.var.auth && c.req.path === '/logout') return next();
    const origin = c.req.header('origin');
    if (origin && origin !== 'null' && origin !== new URL(c.req.url).origin && origin !== originOf(c)) {
      throw new AppError('csrf', `foreign origin ${origin}`);
    }
    // Fetch metadata: the browser's own word that another site sent this. Refused even with a token.
    if (c.req.header('sec-fetch-site') === 'cross-site') throw new AppError('csrf', 'cross-site request');
    const sent = c.req.header('x-csrf-token') ?? (await formToken(c));
    if (!secret || !sent || !safeEqual(sent, expectedToken(c, secret))) {
      const ended = c.var.endedSession;
      if (secret && sent && ended && safeEqual(sent, expectedToken(c, secret, ended.id))) {
        await keepTimedOutForm(c, ended.accountId);
        throw new AppError('unauthenticated', 'session ended before the form was sent');
      }
      throw new AppError('csrf', secret ? 'token mismatch' : 'no csrf cookie');
    }
    c.set('csrfToken', sent);
    return next();
  };
}

/**
 * The token for a form on this page. The secret cookie is set the first time a page of this browser
 * renders a form, so a page without one (a 求人票 seen by a visitor) sets no cookie and can be cached.
 */
export function csrfToken(c: Context<AppEnv>): string {
  if (c.var.csrfToken) return c.var.csrfToken;
  let secret = readCookie(c, 'csrf');
  if (!secret) {
    secret = randomToken(24);
    writeCookie(c, 'csrf', secret);
  }
  const token = expectedToken(c, secret);
  c.set('csrfToken', token);
  return token;
}

async function keepTimedOutForm(c: Context<AppEnv>, accountId: string): Promise<void> {
  const fields = fieldsToKeep(c.var.form, [CSRF_FIELD, KEPT_FORM_FIELD]);
  if (!fields) return;
  const { db, clock } = c.var.deps;
  await keepForm(db, { accountId, path: c.req.path + new URL(c.req.url).search, fields, now: clock.now() });
  c.set('formKept', true);
  c.var.log.info('form kept after session timeout', { path: c.req.path, fields: fields.length });
}

function originOf(c: Context<AppEnv>): string {
  return new URL(c.var.deps.config.baseUrl).origin;
}

async function formToken(c: Context<AppEnv>): Promise<string | undefined> {
  if (c.var.streamedBody && c.req.raw.body) {
    // An upload: read the first part only, and hand the route the whole body, still streaming.
    const { part, whole } = await splitFirstPart(c.req.raw.body, c.req.header('content-type') ?? '');
    c.req.raw = new Request(c.req.raw, { body: whole, duplex: 'half' } as RequestInit);
    return part?.name === CSRF_FIELD ? part.value : undefined;
  }
  return c.var.form.find(([name]) => name === CSRF_FIELD)?.[1];
}
