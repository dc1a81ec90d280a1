/**
 * The webServer command of playwright.config.ts: starts the app (`src/main.ts`, web + worker) on
 * E2E_PORT with a data set of its own, and removes that data set again when it stops.
 *
 * - a fresh temporary DATA_DIR every run, so the embedded PGlite database starts empty and the demo
 *   data (jobs and the demo accounts) is seeded on start;
 * - a real clamd of its own with a test signature for EICAR (AP-5), stopped with the app;
 * - when DATABASE_URL is set (CI runs the suite against PostgreSQL too), a uniquely named database
 *   `e2e_<random>` created on that server, given to the app with SEED_DEMO=true, and dropped on exit.
 *
 * Why a wrapper and not globalSetup/globalTeardown: Playwright starts the webServer *before*
 * globalSetup and stops it *after* globalTeardown (1.65: plugin setup tasks come first), so a
 * database made in globalSetup would not exist yet when the app boots.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startClamd } from '../../support/clamd.ts';

const port = process.env.E2E_PORT ?? '3100';
const adminUrl = process.env.DATABASE_URL;

function log(message: string): void {
  process.stderr.write(`[e2e app-server] ${message}\n`);
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// A real clamd with the EICAR test signature (tests/support/clamd.ts), so uploads are scanned (AP-5).
const clamd = await startClamd();
log(`clamd on 127.0.0.1:${clamd.port}`);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hellowork-e2e-'));
const dbName = adminUrl ? `e2e_${randomBytes(6).toString('hex')}` : undefined;
if (dbName) {
  await admin((client) => client.query(`create database "${dbName}"`));
  log(`created database ${dbName}`);
}

let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  if (dbName) {
    try {
      await admin((client) => client.query(`drop database if exists "${dbName}" with (force)`));
      log(`dropped database ${dbName}`);
    } catch (error) {
      log(`could not drop database ${dbName}: ${String(error)}`);
    }
  }
  await rm(dataDir, { recursive: true, force: true });
  await clamd.stop().catch(() => {});
}

const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'development',
    PORT: port,
    BASE_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    STORAGE_DIR: '',
    DATABASE_URL: dbName && adminUrl ? databaseUrl(adminUrl, dbName) : '',
    SEED_DEMO: 'true',
    SEED_JOBS: process.env.E2E_SEED_JOBS ?? '600',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    // Mail stays in the database, readable at /dev/mail; the tests rely on the seed password rule.
    SMTP_URL: '',
    PASSWORD_POLICY: 'seed',
    TRUST_PROXY: 'false',
    CLAMD_HOST: clamd.host,
    CLAMD_PORT: String(clamd.port),
    // MS-2's hold after 「応募」 is a unit- and integration-tested rule; journeys write at once.
    MESSAGE_HOLD_SECONDS: '0',
  },
});

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  // Playwright signals the whole process group; forwarding covers a wrapper started by hand.
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

child.on('exit', (code, signal) => {
  if (!stopping) log(`the app stopped by itself (code ${code}, signal ${signal})`);
  cleanUp().then(
    () => process.exit(stopping ? 0 : (code ?? 1)),
    () => process.exit(1),
  );
});
