/**
 * Pure decisions behind /readyz and /metrics (ADR 0028): whether the database has every migration
 * this build ships, whether a worker's heartbeat is fresh, and what readiness says overall.
 */

/** A heartbeat older than this many intervals is a worker that stopped without saying so. */
export const STALE_AFTER_INTERVALS = 4;

/**
 * The migrations this build ships are all applied when the newest applied one is at least as new as
 * the journal's last entry (drizzle's migrator decides the same way). A database ahead of the build
 * (a newer release migrated it: expand before contract) is current for this build too.
 */
export function migrationsCurrent(journalLatestWhen: number, appliedLatestWhen: number | null): boolean {
  return appliedLatestWhen !== null && appliedLatestWhen >= journalLatestWhen;
}

export function workerAlive(ageMs: number, heartbeatMs: number): boolean {
  return ageMs <= heartbeatMs * STALE_AFTER_INTERVALS;
}

export type NotReadyReason = 'shutting-down' | 'database-unreachable' | 'migrations-behind';

export interface ReadinessFacts {
  draining: boolean;
  databaseReachable: boolean;
  migrationsCurrent: boolean | null;
}

/**
 * Why this process should not get traffic, or an empty list when it should. Workers are reported
 * but never make a web server unready: a web server without a worker still serves pages and
 * queues jobs, and taking every web server out would turn a worker outage into a full one.
 */
export function notReadyReasons(f: ReadinessFacts): NotReadyReason[] {
  const reasons: NotReadyReason[] = [];
  if (f.draining) reasons.push('shutting-down');
  if (!f.databaseReachable) reasons.push('database-unreachable');
  else if (f.migrationsCurrent === false) reasons.push('migrations-behind');
  return reasons;
}

/**
 * The label for a request's route: the pattern Hono matched (`/jobs/:jobNumber`), never the raw
 * path, so ids and search words never become label values. Requests that matched no route are one
 * label, as are patterns that end in a wildcard of middleware only (a guard that answered first).
 */
export function routeLabel(pattern: string | undefined): string {
  if (!pattern || pattern === '*' || pattern === '/*') return 'unmatched';
  return pattern;
}
