/**
 * The routes of the app as it is built, read from `app.routes` (so a new route joins every matrix
 * that uses this the day it is added), each with its method, path pattern, parameter names and the
 * portal it belongs to; `fillPath` puts given ids into a pattern. Shared by the cookie, CSRF and
 * authorisation matrices.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../../../src/web/env.ts';

export type Portal = 'seeker' | 'employer' | 'staff';
export type Area = Portal | 'public' | 'api';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AppRoute {
  method: Method;
  /** The pattern as registered, e.g. `/mypage/applications/:id{[0-9a-f-]+}`. */
  pattern: string;
  /** Parameter names in order of appearance (`id`, `number` …). */
  params: string[];
  /** The portal whose guard answers for it, `api` for /api/, `public` for the rest. */
  area: Area;
}

/** Routes that are public although they live under a portal prefix (sign-in, opening, reset). */
export const PUBLIC_UNDER_PORTAL: readonly RegExp[] = [
  /^\/mypage\/open/,
  /^\/employer\/(login|open|password-reset)/,
  /^\/staff\/login/,
];
/** Routes of the live-update script (answer 401 instead of the sign-in redirect). */
export const LIVE_PATHS = /^\/(mypage|employer)\/(events|fragments\/)/;

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export function areaOf(pattern: string): Area {
  if (pattern.startsWith('/api/')) return 'api';
  if (PUBLIC_UNDER_PORTAL.some((p) => p.test(pattern))) return 'public';
  if (pattern === '/mypage' || pattern.startsWith('/mypage/')) return 'seeker';
  if (pattern === '/employer' || pattern.startsWith('/employer/')) return 'employer';
  if (pattern === '/staff' || pattern.startsWith('/staff/')) return 'staff';
  return 'public';
}

const PARAM = /:([a-zA-Z_][a-zA-Z0-9_]*)(\{[^}]*\})?/g;

/**
 * Every handler route of the app, once per method and pattern (middleware entries, `ALL` and
 * wildcards left out).
 */
export function appRoutes(app: Hono<AppEnv>): AppRoute[] {
  const seen = new Set<string>();
  const out: AppRoute[] = [];
  for (const r of app.routes) {
    if (!METHODS.has(r.method) || r.path.includes('*')) continue;
    const pattern = r.path.length > 1 ? r.path.replace(/\/$/, '') : r.path;
    const key = `${r.method} ${pattern}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      method: r.method as Method,
      pattern,
      params: [...pattern.matchAll(PARAM)].map((m) => m[1]!),
      area: areaOf(pattern),
    });
  }
  return out;
}

/** Values of the right shape for parameters nobody gave: a guard must answer before any lookup. */
export const PLACEHOLDER: Readonly<Record<string, string>> = {
  id: '00000000-0000-4000-8000-000000000000',
  number: '13010-00000001',
};

/**
 * The path of a route with its parameters filled: by `ids(name, route)` when it answers, else by
 * `PLACEHOLDER` (or `1`).
 */
export function fillPath(
  route: Pick<AppRoute, 'pattern'>,
  ids: (name: string, pattern: string) => string | undefined = () => undefined,
): string {
  return route.pattern.replace(
    PARAM,
    (_m, name: string) => ids(name, route.pattern) ?? PLACEHOLDER[name] ?? '1',
  );
}

/** The guarded routes of the three portals (GET and POST), filled with placeholders. */
export function portalRoutes(app: Hono<AppEnv>): { method: 'GET' | 'POST'; path: string; portal: Portal }[] {
  const seen = new Set<string>();
  const out: { method: 'GET' | 'POST'; path: string; portal: Portal }[] = [];
  for (const r of appRoutes(app)) {
    if (r.method !== 'GET' && r.method !== 'POST') continue;
    if (r.area === 'public' || r.area === 'api') continue;
    const path = fillPath(r);
    const key = `${r.method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path, portal: r.area });
  }
  return out;
}
