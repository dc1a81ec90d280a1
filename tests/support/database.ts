import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { type DbHandle, openPglite, openPostgres } from '../../src/db/client.ts';
import { withDatabase } from './global-setup.ts';

let counter = 0;

/** A fresh, migrated database for one test file: a PGlite copy of the template, or a PostgreSQL database cloned from it. */
export async function openTestDatabase(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = process.env.HW_TEST_PG_TEMPLATE;
    const run = process.env.HW_TEST_PG_RUN;
    if (!template || !run) throw new Error('global setup did not prepare a PostgreSQL template');
    const name = `${run}_${process.pid}_${++counter}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.end();
    }
    return openPostgres(withDatabase(url, name), 4);
  }
  const dump = process.env.HW_TEST_PGLITE_DUMP;
  if (!dump) throw new Error('global setup did not prepare a PGlite template');
  return openPglite({ loadDataDir: new Blob([await readFile(dump)]) });
}
