/**
 * A fingerprint of the database's contents: for every table of the public schema its row count and
 * a hash of all its rows, in one query. Two fingerprints differ when any row was inserted, deleted or
 * updated, so "changes something" is measured rather than guessed from a status.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../src/db/client.ts';
import type { TestContext } from '../../support/test-app.ts';

export type Fingerprint = Map<string, { rows: number; hash: string }>;

export interface Tables {
  names: string[];
  fingerprint(): Promise<Fingerprint>;
}

/** `skip`: tables whose content is not the app's state (none by default). */
export async function databaseTables(ctx: TestContext, skip: readonly string[] = []): Promise<Tables> {
  const names = (
    await queryRows<{ name: string }>(
      ctx.db,
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    )
  )
    .map((r) => r.name)
    .filter((n) => !skip.includes(n));
  const query = sql.join(
    names.map(
      (n) =>
        sql`select ${n}::text as name, count(*)::int as rows,
              md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash
            from ${sql.identifier(n)} t`,
    ),
    sql` union all `,
  );
  return {
    names,
    async fingerprint() {
      const rows = await queryRows<{ name: string; rows: number; hash: string }>(ctx.db, query);
      return new Map(rows.map((r) => [r.name, { rows: Number(r.rows), hash: r.hash }]));
    },
  };
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after].filter(([n, a]) => before.get(n)?.hash !== a.hash).map(([n]) => n);
}
