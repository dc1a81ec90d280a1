/**
 * Connecting to whichever host of a multi-host DATABASE_URL takes writes (ADR 0030). node-postgres
 * connects to one host; here its Client is given a `connect()` that first asks a per-process
 * locator which host to use, then checks on the new connection that the server is (still) the one
 * the URL asks for (`target_session_attrs=read-write`: not in recovery, not read-only).
 *
 * The locator remembers the host that answered last. A refused connection, a lost server or a
 * server that turned out to be a standby makes it forget; the next connection probes every host
 * at once and takes the first acceptable one in the URL's order. After a failover the pool, pg-boss
 * and the LISTEN connection thus find the promoted standby by themselves: their old connections
 * fail, the pool drops them, new ones go to the new primary. While no host is acceptable a
 * connection fails with DatabaseUnavailableError (a 503 page, src/db/unavailable.ts).
 *
 * A URL with one host and no target_session_attrs is left to node-postgres as before.
 */
import pg from 'pg';
import {
  acceptsServer,
  type PostgresHost,
  type PostgresUrl,
  parsePostgresUrl,
  singleHostUrl,
} from './postgres-url.ts';

/** No host of the URL can take the connection now (all down, or only standbys while a primary is wanted). */
export class DatabaseUnavailableError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface ServerState {
  inRecovery: boolean;
  readOnly: boolean;
}

export interface HostLocator {
  /** The host to connect to: the one that answered last, or the first acceptable one after probing all. */
  current(): Promise<PostgresHost>;
  /** Forget `host` (refused, lost, or not acceptable any more); the next `current()` probes again. */
  forget(host: PostgresHost): void;
}

export interface LocatorOptions {
  /** Reads a host's state; throws when it cannot be reached. */
  probe: (host: PostgresHost) => Promise<ServerState>;
  /** After a probe round found nothing, callers within this many ms get the same answer (no probe storm). */
  negativeCacheMs?: number;
  now?: () => number;
}

export function createHostLocator(parsed: PostgresUrl, options: LocatorOptions): HostLocator {
  const now = options.now ?? (() => performance.now());
  const negativeMs = options.negativeCacheMs ?? 250;
  let known: PostgresHost | null = null;
  let probing: Promise<PostgresHost> | null = null;
  let failed: { at: number; error: Error } | null = null;

  const probeAll = async (): Promise<PostgresHost> => {
    const results = await Promise.all(
      parsed.hosts.map((host) =>
        options.probe(host).then(
          (state) => ({ host, state, error: null }),
          (error: Error) => ({ host, state: null, error }),
        ),
      ),
    );
    const found = results.find((r) => r.state && acceptsServer(parsed.targetSessionAttrs, r.state));
    if (found) return found.host;
    const why = results
      .map(
        (r) =>
          `${r.host.host}:${r.host.port} ${r.state ? (r.state.inRecovery ? 'standby' : 'read-only') : (r.error?.message ?? 'down')}`,
      )
      .join('; ');
    throw new DatabaseUnavailableError(`no ${parsed.targetSessionAttrs} PostgreSQL server answers (${why})`);
  };

  return {
    async current() {
      if (known) return known;
      if (failed && now() - failed.at < negativeMs) throw failed.error;
      probing ??= probeAll().then(
        (host) => {
          probing = null;
          failed = null;
          known = host;
          return host;
        },
        (error: Error) => {
          probing = null;
          failed = { at: now(), error };
          throw error;
        },
      );
      return probing;
    },
    forget(host) {
      if (known && known.host === host.host && known.port === host.port) known = null;
    },
  };
}

const STATE_SQL =
  "select pg_is_in_recovery() as in_recovery, current_setting('transaction_read_only') = 'on' as read_only";

async function readState(client: pg.Client): Promise<ServerState> {
  const { rows } = await client.query<{ in_recovery: boolean; read_only: boolean }>(STATE_SQL);
  return { inRecovery: rows[0]!.in_recovery, readOnly: rows[0]!.read_only };
}

/** How long a probe of one host may take (connect and the one query). */
const PROBE_TIMEOUT_MS = 2000;

function probeWith(parsed: PostgresUrl) {
  return async (host: PostgresHost): Promise<ServerState> => {
    const client = new pg.Client({
      connectionString: singleHostUrl(parsed, host),
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
      application_name: 'hellowork-probe',
    });
    client.on('error', () => {});
    try {
      await client.connect();
      return await readState(client);
    } finally {
      await client.end().catch(() => {});
    }
  };
}

/** One locator per URL and process: the app pool, pg-boss and the LISTEN connection share what it knows. */
const locators = new Map<string, HostLocator>();

function locatorFor(url: string, parsed: PostgresUrl): HostLocator {
  let locator = locators.get(url);
  if (!locator) {
    locator = createHostLocator(parsed, { probe: probeWith(parsed) });
    locators.set(url, locator);
  }
  return locator;
}

/**
 * A client that survives losing its server while a pool has it checked out (ADR 0030).
 * pg-pool listens for errors of idle clients only: a checked-out client whose server goes away
 * between two queries emits 'error' with no listener, which crashes the process. And Drizzle's
 * transaction() never releases its client when `begin` itself fails (a connection that died just
 * before it was handed out), so every such failure kept one connection of the pool for ever.
 * Here the 'error' of a checked-out client hands it back to the pool with the error (the pool
 * drops it), and the release pg-pool gives each checkout is made idempotent, so the later release
 * of the caller is a no-op instead of a "released twice" throw. The failing query gets its error.
 */
// Not named *Pool*: Drizzle takes any object whose class name contains "Pool" for a pool.
class GuardedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    let release: ((error?: Error | boolean) => void) | undefined;
    let checkedOut = false;
    // pg-pool assigns `client.release` at every checkout.
    Object.defineProperty(this, 'release', {
      configurable: true,
      get: () => release,
      set: (poolRelease: (error?: Error | boolean) => void) => {
        let done = false;
        checkedOut = true;
        release = (error) => {
          if (done) return;
          done = true;
          checkedOut = false;
          poolRelease(error);
        };
      },
    });
    this.on('error', (error: Error) => {
      if (checkedOut) release?.(error);
    });
  }
}

/** A pg.Client class that connects to the host the locator names and checks the server it reached. */
function multiHostClientClass(parsed: PostgresUrl, locator: HostLocator): typeof pg.Client {
  const baseConnect = pg.Client.prototype.connect as (this: pg.Client) => Promise<pg.Client>;

  async function connectToCurrent(client: pg.Client): Promise<void> {
    const target = await locator.current();
    const self = client as unknown as { host: string; port: number };
    self.host = target.host;
    self.port = target.port;
    try {
      await baseConnect.call(client);
    } catch (error) {
      locator.forget(target);
      throw error;
    }
    // The lost server or a demotion ends this connection: the next one asks again.
    client.on('error', () => locator.forget(target));
    if (parsed.targetSessionAttrs === 'any') return;
    const state = await readState(client).catch((error: Error) => {
      locator.forget(target);
      throw error;
    });
    if (!acceptsServer(parsed.targetSessionAttrs, state)) {
      locator.forget(target);
      await client.end().catch(() => {});
      throw new DatabaseUnavailableError(
        `${target.host}:${target.port} is ${state.inRecovery ? 'a standby' : 'read-only'}, not ${parsed.targetSessionAttrs}`,
      );
    }
  }

  class MultiHostClient extends GuardedClient {}
  // pg-pool calls connect(callback); direct users await connect().
  MultiHostClient.prototype.connect = function (
    this: pg.Client,
    callback?: (error: Error | null, client?: pg.Client) => void,
  ) {
    const done = connectToCurrent(this).then(() => this);
    if (!callback) return done;
    done.then(
      (client) => callback(null, client),
      (error: Error) => callback(error),
    );
    return undefined;
  } as pg.Client['connect'];
  return MultiHostClient;
}

/** Whether node-postgres can take this URL as it is (one host, no target_session_attrs). */
export function isPlainUrl(parsed: PostgresUrl): boolean {
  return parsed.hosts.length === 1 && parsed.targetSessionAttrs === 'any';
}

/**
 * Options for a pg.Pool or pg.Client (pg-boss passes them to its own pool) on this URL: for a
 * multi-host URL the first host's URL and the Client class that picks the host at each connect.
 */
export function connectionOptions(url: string): { connectionString: string; Client?: typeof pg.Client } {
  const parsed = parsePostgresUrl(url);
  if (isPlainUrl(parsed)) return { connectionString: url, Client: GuardedClient };
  return {
    connectionString: singleHostUrl(parsed, parsed.hosts[0]!),
    Client: multiHostClientClass(parsed, locatorFor(url, parsed)),
  };
}

/** A refused or timed-out connect: the host the locator remembered is gone (worth one more try elsewhere). */
function isConnectFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === '57P03';
}

/**
 * The pool for this URL. For a multi-host URL a checkout whose connection to the remembered host
 * is refused is tried once more at once: the locator forgot that host, so the second try probes
 * every host and reaches the promoted one. Without it the first request of a process that held no
 * connection when the primary went away would fail even though the new primary is up.
 */
export function createPool(
  url: string,
  options: Omit<pg.PoolConfig, 'connectionString' | 'Client'>,
): pg.Pool {
  const connection = connectionOptions(url);
  const pool = new pg.Pool({ ...connection, ...options });
  if (isPlainUrl(parsePostgresUrl(url))) return pool;
  const once = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const withRetry = () =>
    once().catch((error: unknown) => (isConnectFailure(error) ? once() : Promise.reject(error)));
  pool.connect = ((
    callback?: (error: Error | undefined, client?: pg.PoolClient, done?: () => void) => void,
  ) => {
    const done = withRetry();
    if (!callback) return done;
    done.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error),
    );
    return undefined;
  }) as pg.Pool['connect'];
  return pool;
}

/** A client (not pooled) on this URL, e.g. the LISTEN connection of live events. */
export function createClient(url: string, config: Omit<pg.ClientConfig, 'connectionString'> = {}): pg.Client {
  const { Client = pg.Client, connectionString } = connectionOptions(url);
  return new Client({ ...config, connectionString });
}
