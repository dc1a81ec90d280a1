/**
 * Guarded multi-step journeys (architecture habit 5): the step reached is kept in a signed,
 * HttpOnly cookie, so a later step cannot be opened without the earlier ones and a back button
 * never repeats a submission. The cookie holds no secret; its signature stops tampering.
 */
import type { Context } from 'hono';
import { hmac, safeEqual } from '../../platform/ids.ts';
import type { AppEnv } from '../env.ts';
import { clearCookie, readCookie, writeCookie } from './cookies.ts';

export interface Journey {
  flow: string;
  step: string;
  data: Record<string, string>;
  /** Expiry, ms since epoch (app clock). */
  exp: number;
}

const TTL_MS = 60 * 60 * 1000;

export function readJourney(c: Context<AppEnv>, flow: string): Journey | undefined {
  const raw = readCookie(c, 'journey');
  if (!raw) return undefined;
  const [body, sig] = raw.split('.');
  if (!body || !sig || !safeEqual(sig, hmac(c.var.deps.secret, `journey|${body}`))) return undefined;
  try {
    const journey = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Journey;
    if (journey.flow !== flow || journey.exp <= c.var.deps.clock.now().getTime()) return undefined;
    // A journey carries what the visitor typed (their e-mail): its pages are never cached.
    c.set('personal', true);
    return journey;
  } catch {
    return undefined;
  }
}

export function writeJourney(
  c: Context<AppEnv>,
  flow: string,
  step: string,
  data: Record<string, string> = {},
): void {
  const journey: Journey = { flow, step, data, exp: c.var.deps.clock.now().getTime() + TTL_MS };
  const body = Buffer.from(JSON.stringify(journey)).toString('base64url');
  writeCookie(c, 'journey', `${body}.${hmac(c.var.deps.secret, `journey|${body}`)}`);
}

export function clearJourney(c: Context<AppEnv>): void {
  clearCookie(c, 'journey');
}
