import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';

/**
 * Cookies for sessions and CSRF. Under https they get Secure and the __Host- prefix (bound to this
 * host and path /). No Max-Age or Expires: they end when the browser closes (shared office PCs).
 */
export type CookieKind = 'session' | 'csrf' | 'device' | 'lang' | 'journey';

const baseNames: Record<CookieKind, string> = {
  session: 'hw_session',
  csrf: 'hw_csrf',
  device: 'hw_device',
  lang: 'hw_lang',
  journey: 'hw_journey',
};

export function cookieName(c: Context<AppEnv>, kind: CookieKind): string {
  return c.var.deps.config.secure ? `__Host-${baseNames[kind]}` : baseNames[kind];
}

export function readCookie(c: Context<AppEnv>, kind: CookieKind): string | undefined {
  return getCookie(c, cookieName(c, kind));
}

export function writeCookie(
  c: Context<AppEnv>,
  kind: CookieKind,
  value: string,
  maxAgeSeconds?: number,
): void {
  setCookie(c, cookieName(c, kind), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.secure,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  });
}

export function clearCookie(c: Context<AppEnv>, kind: CookieKind): void {
  // The same attributes as when it was written, so every Set-Cookie of the app is HttpOnly and SameSite.
  deleteCookie(c, cookieName(c, kind), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.secure,
  });
}
