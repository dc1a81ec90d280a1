/**
 * CSRF protection: a signed double-submit token. The browser holds a random secret in an HttpOnly
 * cookie; every form carries HMAC(server secret, cookie secret | session id). State-changing
 * requests must carry a matching token (form field _csrf or header X-CSRF-Token), checked on the
 * server; a foreign Origin is refused as well.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../platform/errors.ts';
import { hmac, randomToken, safeEqual } from '../../platform/ids.ts';
import type { AppEnv } from '../env.ts';
import { readCookie, writeCookie } from './cookies.ts';

export const CSRF_FIELD = '_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function expectedToken(c: Context<AppEnv>, cookieSecret: string): string {
  return hmac(c.var.deps.secret, `csrf|${cookieSecret}|${c.var.auth?.id ?? ''}`);
}

export function csrfMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let secret = readCookie(c, 'csrf');
    if (SAFE_METHODS.has(c.req.method)) {
      if (!secret) {
        secret = randomToken(24);
        writeCookie(c, 'csrf', secret);
      }
      c.set('csrfToken', expectedToken(c, secret));
      return next();
    }
    const origin = c.req.header('origin');
    if (origin && origin !== 'null' && origin !== new URL(c.req.url).origin && origin !== originOf(c)) {
      throw new AppError('csrf', `foreign origin ${origin}`);
    }
    const sent = c.req.header('x-csrf-token') ?? (await formToken(c));
    if (!secret || !sent || !safeEqual(sent, expectedToken(c, secret))) {
      throw new AppError('csrf', secret ? 'token mismatch' : 'no csrf cookie');
    }
    c.set('csrfToken', sent);
    return next();
  };
}

function originOf(c: Context<AppEnv>): string {
  return new URL(c.var.deps.config.baseUrl).origin;
}

async function formToken(c: Context<AppEnv>): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    return undefined;
  }
  const body = await c.req.parseBody({ all: true });
  const value = body[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
}
