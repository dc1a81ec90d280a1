/**
 * Whether to read from the standby (issue 17 "Reads from the standby", ADR 0031). Pure: the periodic
 * check (src/db/read-replica.ts) hands in what the standby answered and when, and this decides.
 *
 * - `healthy`: a hot standby whose replay is within `maxLagMs` → read from it.
 * - `lagging`: a standby further behind than `maxLagMs` (or one that has replayed nothing yet) → primary.
 * - `unreachable`: no answer, an error, no check yet, or the last good answer is older than three
 *   check intervals (the check itself hangs) → primary.
 * - `not-a-standby`: the server answers but is not in recovery (a promoted standby, or a primary
 *   named by mistake) → primary: every read that matters is already there.
 *
 * Lag is measured on the standby's own clock (its now() against pg_last_xact_replay_timestamp()),
 * so clock skew between machines does not count; when everything received is replayed (receive LSN
 * = replay LSN) the lag is 0 however long ago the last transaction was (an idle primary). A standby
 * behind at the check is taken to fall further behind until the next one (lag + the check's age).
 * A standby whose WAL receiver is not streaming has replayed all it got, but is not caught up: its
 * lag is then the time since its last replayed commit.
 */

export type ReplicaState = 'healthy' | 'lagging' | 'unreachable' | 'not-a-standby';

/** What one check read on the standby, or why it could not. */
export type ReplicaProbe =
  | {
      ok: true;
      inRecovery: boolean;
      receiveLsn: string | null;
      replayLsn: string | null;
      /** pg_last_xact_replay_timestamp(): null when nothing was replayed since the standby started. */
      lastReplayAt: Date | null;
      /** The standby's now() at the check. */
      standbyNow: Date;
      /** pg_stat_wal_receiver.status = 'streaming'; null when not readable. */
      streaming?: boolean | null;
    }
  | { ok: false; error: string };

export interface ReplicaDecision {
  state: ReplicaState;
  useReplica: boolean;
  /** Milliseconds of replay lag when known (0 when caught up), else null. */
  lagMs: number | null;
  /** Why, in words for logs and /readyz (never shown to users). */
  reason: string;
}

export interface ReplicaInput {
  /** The last check's answer and when it was taken (this process's clock), if any. */
  last: { probe: ReplicaProbe; checkedAt: number } | null;
  /** This process's clock now. */
  now: number;
  maxLagMs: number;
  checkIntervalMs: number;
}

/** Older than this many check intervals, the last answer no longer says anything about the standby. */
export const STALE_INTERVALS = 3;

/** Replay lag of a standby: 0 when all received WAL is replayed, else standby now − last replayed commit. */
export function replayLagMs(probe: Extract<ReplicaProbe, { ok: true }>): number | null {
  // Caught up only while still receiving: a standby cut off from its primary has replayed all it got.
  if (probe.receiveLsn !== null && probe.receiveLsn === probe.replayLsn && probe.streaming !== false)
    return 0;
  if (!probe.lastReplayAt) return null;
  return Math.max(0, probe.standbyNow.getTime() - probe.lastReplayAt.getTime());
}

export function decideReplica(input: ReplicaInput): ReplicaDecision {
  const { last, now, maxLagMs, checkIntervalMs } = input;
  if (!last) return primary('unreachable', null, 'not checked yet');
  const age = now - last.checkedAt;
  if (age > STALE_INTERVALS * checkIntervalMs) {
    return primary('unreachable', null, `last check ${Math.round(age)} ms ago`);
  }
  const { probe } = last;
  if (!probe.ok) return primary('unreachable', null, probe.error);
  if (!probe.inRecovery) return primary('not-a-standby', null, 'pg_is_in_recovery() is false');
  const measured = replayLagMs(probe);
  if (measured === null) return primary('lagging', null, 'nothing replayed yet');
  // Behind at the check: it has fallen further behind since, unless it caught up (seen next check).
  const lag = measured > 0 ? measured + Math.max(0, age) : 0;
  if (lag > maxLagMs) return primary('lagging', lag, `replay lag ${lag} ms over ${maxLagMs} ms`);
  return { state: 'healthy', useReplica: true, lagMs: lag, reason: 'replaying within the limit' };
}

function primary(state: ReplicaState, lagMs: number | null, reason: string): ReplicaDecision {
  return { state, useReplica: false, lagMs, reason };
}
