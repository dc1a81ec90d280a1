/**
 * Readiness (ADR 0028): may this process get traffic? The database answers, it has every migration
 * this build ships, and the process is not shutting down. Workers are listed with the age of their
 * heartbeat; none alive is reported (`workersAlive: 0`) but does not make a web server unready.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pingDatabase } from '../../db/client.ts';
import { migrationsFolder } from '../../db/migrate.ts';
import type { Ports } from '../../deps.ts';
import { latestAppliedMigration, listHeartbeats } from './operations.repository.ts';
import { migrationsCurrent, type NotReadyReason, notReadyReasons, workerAlive } from './operations.rules.ts';

export interface Readiness {
  ready: boolean;
  reasons: NotReadyReason[];
  database: 'ok' | 'unreachable';
  migrations: { expected: string; expectedCount: number; applied: number } | null;
  workers: { id: string; startedAt: string; lastSeenSecondsAgo: number; alive: boolean }[];
  workersAlive: number;
}

interface JournalEntry {
  tag: string;
  when: number;
}

let journal: JournalEntry[] | null = null;
/** The migrations this build ships (drizzle/meta/_journal.json), read once. */
export function shippedMigrations(): JournalEntry[] {
  journal ??= (
    JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: JournalEntry[];
    }
  ).entries;
  return journal;
}

export async function checkReadiness(
  deps: Ports<'db' | 'config'>,
  o: { draining: boolean },
): Promise<Readiness> {
  const shipped = shippedMigrations();
  const latest = shipped[shipped.length - 1]!;
  let reachable = true;
  let applied: Awaited<ReturnType<typeof latestAppliedMigration>> | null = null;
  let heartbeats: Awaited<ReturnType<typeof listHeartbeats>> = [];
  try {
    await pingDatabase(deps.db);
    applied = await latestAppliedMigration(deps.db);
    heartbeats = await listHeartbeats(deps.db);
  } catch {
    reachable = false;
  }
  const workers = heartbeats.map((h) => ({
    id: h.workerId,
    startedAt: h.startedAt.toISOString(),
    lastSeenSecondsAgo: Math.round(h.ageMs / 100) / 10,
    alive: workerAlive(h.ageMs, deps.config.workerHeartbeatMs),
  }));
  const reasons = notReadyReasons({
    draining: o.draining,
    databaseReachable: reachable,
    migrationsCurrent: applied ? migrationsCurrent(latest.when, applied.when) : null,
  });
  return {
    ready: reasons.length === 0,
    reasons,
    database: reachable ? 'ok' : 'unreachable',
    migrations: applied
      ? { expected: latest.tag, expectedCount: shipped.length, applied: applied.count }
      : null,
    workers,
    workersAlive: workers.filter((w) => w.alive).length,
  };
}

/** Fresh heartbeats, cluster-wide (the hellowork_workers_alive gauge). */
export async function countLiveWorkers(deps: Ports<'db' | 'config'>): Promise<number> {
  const heartbeats = await listHeartbeats(deps.db);
  return heartbeats.filter((h) => workerAlive(h.ageMs, deps.config.workerHeartbeatMs)).length;
}
