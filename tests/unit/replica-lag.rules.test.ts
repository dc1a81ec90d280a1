import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import {
  decideReplica,
  type ReplicaProbe,
  replayLagMs,
  STALE_INTERVALS,
} from '../../src/db/replica-lag.rules.ts';

/** A fixed clock: this process's "now" in ms, and the standby's own now(). */
const NOW = Date.parse('2026-11-21T01:00:00Z');
const STANDBY_NOW = new Date('2026-11-21T01:00:00Z');
const limits = { maxLagMs: 5000, checkIntervalMs: 2000 };

function standby(o: Partial<Extract<ReplicaProbe, { ok: true }>> = {}): ReplicaProbe {
  return {
    ok: true,
    inRecovery: true,
    receiveLsn: '0/3000100',
    replayLsn: '0/3000000',
    lastReplayAt: new Date(STANDBY_NOW.getTime() - 1000),
    standbyNow: STANDBY_NOW,
    ...o,
  };
}

const at = (probe: ReplicaProbe, ageMs = 0) => ({
  last: { probe, checkedAt: NOW - ageMs },
  now: NOW,
  ...limits,
});

describe('issue 17 reads from the standby: replay lag', () => {
  it('issue 17 lag is 0 when everything received is replayed, however old the last transaction (idle primary)', () => {
    const idle = standby({
      replayLsn: '0/3000100',
      lastReplayAt: new Date(STANDBY_NOW.getTime() - 3_600_000),
    });
    expect(replayLagMs(idle as Extract<ReplicaProbe, { ok: true }>)).toBe(0);
  });

  it('issue 17 equal LSNs are not caught up when the WAL receiver is not streaming (cut off from the primary)', () => {
    const cut = standby({ replayLsn: '0/3000100', streaming: false }) as Extract<ReplicaProbe, { ok: true }>;
    expect(replayLagMs(cut)).toBe(1000);
    expect(
      decideReplica(at(standby({ replayLsn: '0/3000100', streaming: false, lastReplayAt: new Date(0) }))),
    ).toMatchObject({
      state: 'lagging',
      useReplica: false,
    });
    const unknown = standby({ replayLsn: '0/3000100', streaming: null }) as Extract<
      ReplicaProbe,
      { ok: true }
    >;
    expect(replayLagMs(unknown)).toBe(0);
  });

  it('issue 17 lag is the standby’s now() minus its last replayed commit when WAL waits to be replayed', () => {
    expect(replayLagMs(standby() as Extract<ReplicaProbe, { ok: true }>)).toBe(1000);
  });

  it('issue 17 lag is unknown when nothing was replayed and LSNs differ or are unknown', () => {
    expect(replayLagMs(standby({ lastReplayAt: null }) as Extract<ReplicaProbe, { ok: true }>)).toBeNull();
    expect(
      replayLagMs(
        standby({ receiveLsn: null, replayLsn: null, lastReplayAt: null }) as Extract<
          ReplicaProbe,
          { ok: true }
        >,
      ),
    ).toBeNull();
  });

  it('issue 17 null LSNs are not "caught up" (a standby restoring from archive receives nothing)', () => {
    const p = standby({ receiveLsn: null, replayLsn: null }) as Extract<ReplicaProbe, { ok: true }>;
    expect(replayLagMs(p)).toBe(1000);
  });

  it('issue 17 a clock behind the last commit never gives a negative lag', () => {
    const p = standby({ lastReplayAt: new Date(STANDBY_NOW.getTime() + 500) }) as Extract<
      ReplicaProbe,
      { ok: true }
    >;
    expect(replayLagMs(p)).toBe(0);
  });
});

describe('issue 17 reads from the standby: which server reads', () => {
  it('issue 17 healthy: a standby within the limit is used, with its lag', () => {
    expect(decideReplica(at(standby()))).toMatchObject({ state: 'healthy', useReplica: true, lagMs: 1000 });
  });

  it('issue 17 healthy: a caught-up standby of an idle primary has lag 0', () => {
    const d = decideReplica(at(standby({ replayLsn: '0/3000100', lastReplayAt: null }), 1500));
    expect(d).toMatchObject({ state: 'healthy', useReplica: true, lagMs: 0 });
  });

  it('issue 17 the limit itself is still healthy; one millisecond over is lagging (primary)', () => {
    const edge = standby({ lastReplayAt: new Date(STANDBY_NOW.getTime() - 5000) });
    expect(decideReplica(at(edge))).toMatchObject({ state: 'healthy', useReplica: true, lagMs: 5000 });
    const over = standby({ lastReplayAt: new Date(STANDBY_NOW.getTime() - 5001) });
    expect(decideReplica(at(over))).toMatchObject({ state: 'lagging', useReplica: false, lagMs: 5001 });
  });

  it('issue 17 a standby behind at the check counts the time since the check too', () => {
    // 4 s behind, checked 1.5 s ago: 5.5 s now, over 5 s.
    const p = standby({ lastReplayAt: new Date(STANDBY_NOW.getTime() - 4000) });
    expect(decideReplica(at(p, 1500))).toMatchObject({ state: 'lagging', useReplica: false, lagMs: 5500 });
    expect(decideReplica(at(p, 1000))).toMatchObject({ state: 'healthy', useReplica: true, lagMs: 5000 });
  });

  it('issue 17 lagging: a standby that has replayed nothing yet is not read', () => {
    expect(decideReplica(at(standby({ lastReplayAt: null })))).toMatchObject({
      state: 'lagging',
      useReplica: false,
      lagMs: null,
    });
  });

  it('issue 17 not-a-standby: a server out of recovery (promoted, or a primary by mistake) is not read', () => {
    expect(decideReplica(at(standby({ inRecovery: false })))).toMatchObject({
      state: 'not-a-standby',
      useReplica: false,
    });
  });

  it('issue 17 unreachable: a failed check, no check yet, or a last answer older than three intervals', () => {
    expect(decideReplica(at({ ok: false, error: 'ECONNREFUSED' }))).toMatchObject({
      state: 'unreachable',
      useReplica: false,
      reason: 'ECONNREFUSED',
    });
    expect(decideReplica({ last: null, now: NOW, ...limits })).toMatchObject({
      state: 'unreachable',
      useReplica: false,
    });
    expect(STALE_INTERVALS).toBe(3);
    const caughtUp = standby({ replayLsn: '0/3000100' });
    expect(decideReplica(at(caughtUp, 6000))).toMatchObject({ state: 'healthy', useReplica: true });
    expect(decideReplica(at(caughtUp, 6001))).toMatchObject({ state: 'unreachable', useReplica: false });
  });

  it('issue 17 only healthy reads from the standby', () => {
    const cases: ReplicaProbe[] = [
      standby(),
      standby({ inRecovery: false }),
      standby({ lastReplayAt: null }),
      standby({ lastReplayAt: new Date(0) }),
      { ok: false, error: 'x' },
    ];
    for (const p of cases) {
      const d = decideReplica(at(p));
      expect(d.useReplica).toBe(d.state === 'healthy');
    }
  });
});

describe('issue 17 DATABASE_READ_URL configuration', () => {
  const pg = { DATABASE_URL: 'postgres://app@primary/hw' };

  it('issue 17 off unless set; with PostgreSQL it gets the defaults 5000 ms lag and a check every 2000 ms', () => {
    expect(loadConfig(pg).readReplica).toBeUndefined();
    expect(loadConfig({ ...pg, DATABASE_READ_URL: 'postgres://app@standby/hw' }).readReplica).toEqual({
      url: 'postgres://app@standby/hw',
      maxLagMs: 5000,
      checkIntervalMs: 2000,
      poolMax: 10,
    });
    expect(
      loadConfig({
        ...pg,
        DATABASE_READ_URL: 'postgresql://app@standby/hw',
        REPLICA_MAX_LAG_MS: '800',
        REPLICA_CHECK_INTERVAL_MS: '250',
        DATABASE_POOL_MAX: '4',
      }).readReplica,
    ).toEqual({ url: 'postgresql://app@standby/hw', maxLagMs: 800, checkIntervalMs: 250, poolMax: 4 });
  });

  it('issue 17 refused with the embedded PGlite, and for bad values, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://app@standby/hw' })).toThrow(
      /DATABASE_READ_URL needs DATABASE_URL/,
    );
    expect(() => loadConfig({ ...pg, DATABASE_READ_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...pg, DATABASE_READ_URL: 'mysql://x' })).toThrow(
      /DATABASE_READ_URL must be a URL/,
    );
    expect(() => loadConfig({ ...pg, DATABASE_READ_URL: 'postgres://app@primary/hw' })).toThrow(
      /DATABASE_READ_URL must differ from DATABASE_URL/,
    );
    expect(() => loadConfig({ ...pg, REPLICA_MAX_LAG_MS: 'soon' })).toThrow(
      /REPLICA_MAX_LAG_MS must be a number/,
    );
    expect(() => loadConfig({ ...pg, REPLICA_CHECK_INTERVAL_MS: '50' })).toThrow(
      /REPLICA_CHECK_INTERVAL_MS must be at least 100/,
    );
  });
});
