/**
 * Runs once per `vitest run`: builds a migrated database template that every test file copies.
 * PGlite: a dump of an in-memory database (migrations + pg-boss schema). PostgreSQL (DATABASE_URL
 * set): a template database; each test file gets its own copy, all dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Mailer } from '../../src/adapters/mail/mailer.ts';
import { buildDeps } from '../../src/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { type DbHandle, openPglite, openPostgres } from '../../src/db/client.ts';
import { createLogger } from '../../src/platform/logger.ts';

const nullMailer: Mailer = { kind: 'capture', send: async () => {}, close: async () => {} };

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const runId = `hwt_${randomBytes(4).toString('hex')}`;
    const template = `${runId}_tmpl`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await admin.end();
    const templateUrl = withDatabase(url, template);
    const handle = await openPostgres(templateUrl, 2);
    await prepareTemplate(handle);
    await handle.close();
    process.env.HW_TEST_PG_TEMPLATE = template;
    process.env.HW_TEST_PG_RUN = runId;
    return async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`${runId}_%`],
      );
      for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
      await client.end();
    };
  }
  const handle = await openPglite();
  await prepareTemplate(handle);
  if (handle.kind !== 'pglite') throw new Error('expected PGlite');
  const dump = await handle.pglite.dumpDataDir('none');
  const dir = await mkdtemp(path.join(tmpdir(), 'hw-test-'));
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  process.env.HW_TEST_PGLITE_DUMP = file;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

/** Migrations and the pg-boss schema with every queue, by the same composition the app uses. */
async function prepareTemplate(dbHandle: DbHandle): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'template-secret-template-secret-0123' });
  const built = await buildDeps(config, { dbHandle, mailer: nullMailer, logger: createLogger('silent') });
  await built.close();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
