/** Multi-host DATABASE_URL (ADR 0030): parsing, the per-host URLs, the host locator and the 503 classifier. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createHostLocator, DatabaseUnavailableError, type ServerState } from '../../src/db/multi-host.ts';
import {
  acceptsServer,
  type PostgresHost,
  parsePostgresUrl,
  redactPostgresUrl,
  singleHostUrl,
} from '../../src/db/postgres-url.ts';
import { isDatabaseUnavailable } from '../../src/db/unavailable.ts';

describe('parsePostgresUrl', () => {
  it('reads every host of the list with its port, the database and the target', () => {
    const p = parsePostgresUrl(
      'postgres://app:s%40cret@127.0.0.1:6441,127.0.0.1:6442/hellowork?target_session_attrs=read-write&sslmode=disable',
    );
    expect(p.hosts).toEqual([
      { host: '127.0.0.1', port: 6441 },
      { host: '127.0.0.1', port: 6442 },
    ]);
    expect(p.userInfo).toBe('app:s%40cret');
    expect(p.path).toBe('/hellowork');
    expect(p.targetSessionAttrs).toBe('read-write');
    expect(p.params).toEqual([['sslmode', 'disable']]);
  });

  it('defaults the port to 5432 and the target to any, and reads IPv6 in brackets', () => {
    const p = parsePostgresUrl('postgresql://db1,[::1]:6000,db3:7000');
    expect(p.hosts).toEqual([
      { host: 'db1', port: 5432 },
      { host: '::1', port: 6000 },
      { host: 'db3', port: 7000 },
    ]);
    expect(p.targetSessionAttrs).toBe('any');
    expect(p.userInfo).toBe('');
    expect(p.path).toBe('');
  });

  it('refuses what libpq would refuse', () => {
    expect(() => parsePostgresUrl('mysql://h/db')).toThrow(/postgres:\/\//);
    expect(() => parsePostgresUrl('postgres:///db')).toThrow(/no host/);
    expect(() => parsePostgresUrl('postgres://h1,,h2/db')).toThrow(/empty host/);
    expect(() => parsePostgresUrl('postgres://h1:99999/db')).toThrow(/invalid port "99999"/);
    expect(() => parsePostgresUrl('postgres://h1:5a/db')).toThrow(/invalid port/);
    expect(() => parsePostgresUrl('postgres://h1/db?target_session_attrs=standby')).toThrow(
      /target_session_attrs must be one of any, read-write, primary/,
    );
  });

  it('gives one single-host URL per host with the same user, database and parameters', () => {
    const p = parsePostgresUrl(
      'postgres://u:p@a:1,[::1]:2/db?target_session_attrs=primary&application_name=x',
    );
    expect(singleHostUrl(p, p.hosts[0]!)).toBe('postgres://u:p@a:1/db?application_name=x');
    expect(singleHostUrl(p, p.hosts[1]!)).toBe('postgres://u:p@[::1]:2/db?application_name=x');
  });

  it('hides the password when the URL is shown', () => {
    expect(redactPostgresUrl('postgres://u:secret@a:1,b:2/db?target_session_attrs=read-write')).toBe(
      'postgres://u:***@a:1,b:2/db?target_session_attrs=read-write',
    );
    expect(redactPostgresUrl('nonsense')).toBe('(unparseable URL)');
  });

  it('DATABASE_URL takes a host list; a bad one stops start-up naming the variable', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:6441,127.0.0.1:6442/hw' });
    expect(config.database).toMatchObject({ kind: 'postgres' });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://h1:0/db' })).toThrow(
      /DATABASE_URL has an invalid port "0"/,
    );
  });
});

describe('acceptsServer', () => {
  const primary = { inRecovery: false, readOnly: false };
  const standby = { inRecovery: true, readOnly: true };
  const readOnlyPrimary = { inRecovery: false, readOnly: true };
  it('read-write wants a writable primary, primary any primary, any whatever answers', () => {
    expect([primary, standby, readOnlyPrimary].map((s) => acceptsServer('read-write', s))).toEqual([
      true,
      false,
      false,
    ]);
    expect([primary, standby, readOnlyPrimary].map((s) => acceptsServer('primary', s))).toEqual([
      true,
      false,
      true,
    ]);
    expect([primary, standby].map((s) => acceptsServer('any', s))).toEqual([true, true]);
  });
});

describe('the host locator', () => {
  const parsed = parsePostgresUrl('postgres://a:1,b:2/db?target_session_attrs=read-write');
  const key = (h: PostgresHost) => `${h.host}:${h.port}`;

  function cluster(states: Record<string, ServerState | 'down'>) {
    const probes: string[] = [];
    const probe = async (h: PostgresHost) => {
      probes.push(key(h));
      const s = states[key(h)];
      if (!s || s === 'down') throw new Error('connect ECONNREFUSED');
      return s;
    };
    return { probes, probe };
  }

  it('takes the writable host even when it is not first, and remembers it', async () => {
    const c = cluster({
      'a:1': { inRecovery: true, readOnly: true },
      'b:2': { inRecovery: false, readOnly: false },
    });
    const locator = createHostLocator(parsed, { probe: c.probe });
    expect(key(await locator.current())).toBe('b:2');
    expect(key(await locator.current())).toBe('b:2');
    expect(c.probes).toEqual(['a:1', 'b:2']);
  });

  it('after the primary is forgotten it finds the promoted standby', async () => {
    const states: Record<string, ServerState | 'down'> = {
      'a:1': { inRecovery: false, readOnly: false },
      'b:2': { inRecovery: true, readOnly: true },
    };
    const c = cluster(states);
    const locator = createHostLocator(parsed, { probe: c.probe });
    expect(key(await locator.current())).toBe('a:1');
    states['a:1'] = 'down';
    states['b:2'] = { inRecovery: false, readOnly: false };
    locator.forget({ host: 'b', port: 2 }); // not the current one: nothing changes
    expect(key(await locator.current())).toBe('a:1');
    locator.forget({ host: 'a', port: 1 });
    expect(key(await locator.current())).toBe('b:2');
  });

  it('concurrent callers share one probe round', async () => {
    const c = cluster({ 'a:1': { inRecovery: false, readOnly: false } });
    const locator = createHostLocator(parsed, { probe: c.probe });
    await Promise.all([locator.current(), locator.current(), locator.current()]);
    expect(c.probes).toEqual(['a:1', 'b:2']);
  });

  it('with no writable host it fails with DatabaseUnavailableError, briefly cached, then probes again', async () => {
    let t = 0;
    const states: Record<string, ServerState | 'down'> = {
      'a:1': 'down',
      'b:2': { inRecovery: true, readOnly: true },
    };
    const c = cluster(states);
    const locator = createHostLocator(parsed, { probe: c.probe, negativeCacheMs: 250, now: () => t });
    const error = await locator.current().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toBe(
      'no read-write PostgreSQL server answers (a:1 connect ECONNREFUSED; b:2 standby)',
    );
    t = 100;
    await expect(locator.current()).rejects.toBe(error);
    expect(c.probes).toHaveLength(2);
    states['b:2'] = { inRecovery: false, readOnly: false };
    t = 300;
    expect(key(await locator.current())).toBe('b:2');
    expect(c.probes).toHaveLength(4);
  });
});

describe('isDatabaseUnavailable', () => {
  const pgError = (code: string) => Object.assign(new Error('x'), { code });
  it('is true for a lost or refused server, also inside a Drizzle cause chain', () => {
    expect(isDatabaseUnavailable(new DatabaseUnavailableError('none'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P01'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P03'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('08006'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('25006'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: pgError('57P01') }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new AggregateError([pgError('ECONNREFUSED')]))).toBe(true);
  });

  it('is false for errors of the request itself', () => {
    expect(isDatabaseUnavailable(pgError('23505'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('42P01'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
