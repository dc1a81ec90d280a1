/**
 * At start, on PostgreSQL: one warning per setting below what the search needs
 * (server-settings.rules.ts), naming the setting, its value and the value to set. Not a stop: the
 * app works, only slower.
 */
import { sql } from 'drizzle-orm';
import type { Logger } from '../platform/logger.ts';
import { type Executor, queryRows } from './client.ts';
import { type ServerSettingsFacts, settingSize, settingsAdvice } from './server-settings.rules.ts';

export async function readServerSettings(db: Executor): Promise<ServerSettingsFacts> {
  const [row] = await queryRows<{ shared_buffers: string; working_set: string }>(
    db,
    sql`select pg_size_bytes(current_setting('shared_buffers'))::text as shared_buffers,
               coalesce(pg_total_relation_size(to_regclass('job_search')), 0)::text as working_set`,
  );
  return {
    sharedBuffersBytes: Number(row?.shared_buffers ?? 0),
    searchWorkingSetBytes: Number(row?.working_set ?? 0),
  };
}

export async function reportServerSettings(
  db: Executor,
  logger: Logger,
  read: (db: Executor) => Promise<ServerSettingsFacts> = readServerSettings,
): Promise<void> {
  for (const advice of settingsAdvice(await read(db))) {
    logger.warn(
      `PostgreSQL ${advice.setting} is below what the job search needs: searches read from disk and slow down (docs/operations.md, PostgreSQL settings)`,
      {
        setting: advice.setting,
        current: settingSize(advice.currentBytes),
        recommended: settingSize(advice.recommendedBytes),
      },
    );
  }
}
