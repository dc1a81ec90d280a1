import type { DeletionLedger } from './adapters/ledger/deletion-ledger.ts';
import type { FileStorage } from './adapters/storage/file-storage.ts';
import type { VirusScanner } from './adapters/virus-scan/virus-scanner.ts';
import type { Config } from './config.ts';
import type { Database, DbHandle } from './db/client.ts';
import type { ReadReplica } from './db/read-replica.ts';
import type { PasswordChecker } from './modules/accounts/password-policy.ts';
import type { LiveEvents } from './modules/notifications/live-events.ts';
import type { LiveFeed } from './modules/notifications/live-feed.ts';
import type { Clock } from './platform/clock.ts';
import type { Lifecycle } from './platform/lifecycle.ts';
import type { Logger } from './platform/logger.ts';
import type { Metrics } from './platform/metrics.ts';
import type { Queue } from './platform/queue.ts';

/**
 * Every port the composition (`buildDeps` in src/compose.ts) builds for the web app and the worker.
 * Use cases never take the whole of it: each names the ports it uses with `Ports<…>` (ADR 0001).
 */
export interface Deps {
  config: Config;
  dbHandle: DbHandle;
  db: Database;
  clock: Clock;
  logger: Logger;
  queue: Queue;
  passwords: PasswordChecker;
  /** Secret for CSRF tokens and other HMACs (SESSION_SECRET, or a per-data-dir secret in development). */
  secret: string;
  /** Live events published by notify after commit (one LISTEN per process, started on first subscribe). */
  liveEvents: LiveEvents;
  /** Uploaded documents (STORAGE_DIR on disk; ADR 0019). Keys are generated ids, never user file names. */
  storage: FileStorage;
  /** clamd, or the fail-closed "unavailable" scanner when there is none (SPEC AP-5, ADR 0020). */
  virusScanner: VirusScanner;
  /** This process's open event streams of the seeker's inbox, fed from liveEvents (ADR 0018). */
  liveFeed: LiveFeed;
  /** This process's Prometheus registry and instruments (ADR 0028). */
  metrics: Metrics;
  /** Whether this process is shutting down (/readyz answers 503 then). */
  lifecycle: Lifecycle;
  /** Every erasure of stored document bytes, outside the database (LEDGER_DIR; ADR 0032). */
  ledger: DeletionLedger;
  /** The standby of DATABASE_READ_URL for anonymous public reads (src/web/public-read.ts, ADR 0031); null without one. */
  readReplica: ReadReplica | null;
}

/** The ports a use case needs, e.g. `Ports<'db' | 'clock' | 'queue'>`; the whole Deps satisfies every one. */
export type Ports<K extends keyof Deps> = Pick<Deps, K>;
