import { describe, expect, it } from 'vitest';
import {
  isLocked,
  lockedUntilAfter,
  lockMinutes,
  lockNoticeDue,
} from '../../src/modules/accounts/login.rules.ts';
import {
  fieldsToKeep,
  KEPT_FORM_MAX_CHARS,
  KEPT_FORM_MAX_FIELDS,
  needsTouch,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionState,
} from '../../src/modules/accounts/session.rules.ts';
import {
  CODE_TTL_MINUTES,
  codeExpiry,
  codeOutcome,
  exhaustedAfterWrong,
  LOGIN_CODE_TTL_MINUTES,
  MAX_CODE_ATTEMPTS,
} from '../../src/modules/accounts/verification.rules.ts';

const at = (iso: string) => new Date(iso);

describe('MP-3 code outcome', () => {
  const expiresAt = at('2026-11-21T01:30:00Z');
  it('MP-3 accepts a matching code before expiry', () => {
    expect(codeOutcome({ attempts: 0, expiresAt }, true, at('2026-11-21T01:29:59Z'))).toBe('ok');
  });
  it('MP-3 is expired at exactly the expiry instant', () => {
    expect(codeOutcome({ attempts: 0, expiresAt }, true, expiresAt)).toBe('expired');
  });
  it('MP-3 reports a wrong code while attempts remain', () => {
    expect(
      codeOutcome({ attempts: MAX_CODE_ATTEMPTS - 1, expiresAt }, false, at('2026-11-21T01:00:00Z')),
    ).toBe('wrong');
  });
  it('MP-3 refuses even the right code after five wrong entries', () => {
    expect(codeOutcome({ attempts: MAX_CODE_ATTEMPTS, expiresAt }, true, at('2026-11-21T01:00:00Z'))).toBe(
      'exhausted',
    );
  });
  it('MP-3 a missing code (used or replaced) is refused', () => {
    expect(codeOutcome(undefined, true, at('2026-11-21T01:00:00Z'))).toBe('missing');
  });
  it('MP-3 the fifth wrong entry kills the code', () => {
    expect(exhaustedAfterWrong(3)).toBe(false);
    expect(exhaustedAfterWrong(4)).toBe(true);
  });
});

describe('MP-5 sign-in lock', () => {
  it('does not lock below ten consecutive failures', () => {
    expect(lockMinutes(9)).toBe(0);
    expect(lockedUntilAfter(9, at('2026-11-21T01:00:00Z'))).toBeNull();
  });
  it('locks at ten failures with a delay that grows and is capped at an hour', () => {
    expect([10, 11, 12, 13, 15, 16, 17, 30].map(lockMinutes)).toEqual([1, 2, 4, 8, 32, 60, 60, 60]);
    expect(lockedUntilAfter(10, at('2026-11-21T01:00:00Z'))?.toISOString()).toBe('2026-11-21T01:01:00.000Z');
  });
  it('sends the notice once, when the lock starts', () => {
    expect([9, 10, 11].map(lockNoticeDue)).toEqual([false, true, false]);
  });
  it('is locked strictly before the end instant', () => {
    const until = at('2026-11-21T01:01:00Z');
    expect(isLocked(until, at('2026-11-21T01:00:59Z'))).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(null, until)).toBe(false);
  });
});

describe('sessions: idle 30 minutes, absolute 12 hours', () => {
  const created = at('2026-11-21T00:00:00Z');
  it('is live just before the idle limit and dead at it', () => {
    expect(
      sessionState(
        { createdAt: created, lastSeenAt: created },
        new Date(created.getTime() + SESSION_IDLE_MS - 1),
      ),
    ).toBe('live');
    expect(
      sessionState(
        { createdAt: created, lastSeenAt: created },
        new Date(created.getTime() + SESSION_IDLE_MS),
      ),
    ).toBe('idle_expired');
  });
  it('dies at 12 hours even when used constantly', () => {
    const now = new Date(created.getTime() + SESSION_ABSOLUTE_MS);
    expect(sessionState({ createdAt: created, lastSeenAt: new Date(now.getTime() - 1000) }, now)).toBe(
      'absolute_expired',
    );
  });
  it('writes last-seen at most once a minute', () => {
    expect(needsTouch(created, new Date(created.getTime() + 59_000))).toBe(false);
    expect(needsTouch(created, new Date(created.getTime() + 60_000))).toBe(true);
  });
});

describe('MP-10 the fields kept from a form sent after its session ended', () => {
  const omit = ['_csrf', '_kept'];
  it('keeps every text value in order, repeated names included, without the CSRF token', () => {
    expect(
      fieldsToKeep(
        [
          ['_csrf', 't'],
          ['name', '山田　花子'],
          ['codes', '01'],
          ['codes', '03'],
          ['action', 'next'],
          ['_kept', '1'],
        ],
        omit,
      ),
    ).toEqual([
      ['name', '山田　花子'],
      ['codes', '01'],
      ['codes', '03'],
      ['action', 'next'],
    ]);
  });
  it('keeps empty values (a field the user cleared)', () => {
    expect(
      fieldsToKeep(
        [
          ['note', ''],
          ['more', 'x'],
        ],
        omit,
      ),
    ).toEqual([
      ['note', ''],
      ['more', 'x'],
    ]);
  });
  it('keeps nothing when only the token was sent (signing out)', () => {
    expect(fieldsToKeep([['_csrf', 't']], omit)).toBeNull();
    expect(fieldsToKeep([], omit)).toBeNull();
  });
  it('keeps nothing beyond the bounds', () => {
    const many = Array.from({ length: KEPT_FORM_MAX_FIELDS + 1 }, (_, i): [string, string] => [`f${i}`, 'x']);
    expect(fieldsToKeep(many, omit)).toBeNull();
    expect(fieldsToKeep([['pr', 'あ'.repeat(KEPT_FORM_MAX_CHARS - 2)]], omit)).toHaveLength(1);
    expect(fieldsToKeep([['pr', 'あ'.repeat(KEPT_FORM_MAX_CHARS - 1)]], omit)).toBeNull();
  });
});

describe('MP-10 the bound on kept fields', () => {
  it('MP-10 keeps exactly KEPT_FORM_MAX_FIELDS fields, not one more', () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i): [string, string] => [`f${i}`, 'x']);
    expect(fieldsToKeep(fields(KEPT_FORM_MAX_FIELDS), [])).toHaveLength(KEPT_FORM_MAX_FIELDS);
    expect(fieldsToKeep(fields(KEPT_FORM_MAX_FIELDS + 1), [])).toBeNull();
  });
});

describe('MP-3 code lifetime', () => {
  it('MP-3 a code expires its lifetime in minutes after it was sent', () => {
    const sent = at('2026-11-21T14:50:00Z');
    expect(codeExpiry(sent, CODE_TTL_MINUTES).toISOString()).toBe('2026-11-21T15:20:00.000Z');
    expect(codeExpiry(sent, LOGIN_CODE_TTL_MINUTES).toISOString()).toBe('2026-11-21T15:00:00.000Z');
    expect(
      codeOutcome({ attempts: 0, expiresAt: codeExpiry(sent, 30) }, true, at('2026-11-21T15:19:59Z')),
    ).toBe('ok');
  });
});
