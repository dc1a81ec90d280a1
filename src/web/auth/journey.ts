/**
 * Guarded multi-step journeys (architecture habit 5): the step reached is kept in an encrypted,
 * HttpOnly cookie, so a later step cannot be opened without the earlier ones and a back button
 * never repeats a submission. AES-256-GCM both hides what a journey carries (the e-mail typed, an
 * account id: no personal data readable in a cookie, issue 15 B1) and stops tampering.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
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
  try {
    const sealed = Buffer.from(raw, 'base64url');
    if (sealed.length < 28) return undefined;
    // A full 16-byte tag only: GCM would otherwise accept a truncated one.
    const decipher = createDecipheriv('aes-256-gcm', journeyKey(c.var.deps.secret), sealed.subarray(0, 12), {
      authTagLength: 16,
    });
    decipher.setAuthTag(sealed.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    const journey = JSON.parse(plain.toString('utf8')) as Journey;
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
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', journeyKey(c.var.deps.secret), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(journey), 'utf8'), cipher.final()]);
  writeCookie(c, 'journey', Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url'));
}

const keys = new Map<string, Buffer>();
/** The journey cookie's own key, derived from the server secret. */
function journeyKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = createHash('sha256').update(`journey-key|${secret}`).digest();
    keys.set(secret, key);
  }
  return key;
}

export function clearJourney(c: Context<AppEnv>): void {
  clearCookie(c, 'journey');
}
