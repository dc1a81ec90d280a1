import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Mailer } from '../../src/adapters/mail/mailer.ts';
import { createDiskStorage } from '../../src/adapters/storage/disk-storage.ts';
import { buildDeps } from '../../src/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { pingDatabase } from '../../src/db/client.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import { openTestDatabase } from '../support/database.ts';

describe('one composition (buildDeps)', () => {
  it('uses the ports it is handed, and close() leaves what it was handed open', async () => {
    const dbHandle = await openTestDatabase();
    const clock = new FixedClock('2026-11-21T01:00:00Z');
    const logger = createMemoryLogger();
    let closed = 0;
    const mailer: Mailer = { kind: 'capture', send: async () => {}, close: async () => void closed++ };
    const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'compose-secret-compose-secret-0123456' });
    const storage = createDiskStorage(path.join(tmpdir(), 'hw-compose-unused'));
    const built = await buildDeps(config, { dbHandle, migrate: false, clock, logger, mailer, storage });
    try {
      const { deps } = built;
      expect(deps.dbHandle).toBe(dbHandle);
      expect(deps.db).toBe(dbHandle.db);
      expect(deps.clock).toBe(clock);
      expect(deps.logger).toBe(logger);
      expect(built.mailer).toBe(mailer);
      // Another storage adapter (S3-compatible, a double) is chosen here, never in a use case.
      expect(deps.storage).toBe(storage);
      expect(deps.secret).toBe(config.sessionSecret);
      expect(deps.passwords.policy).toBe(config.passwordPolicy);
      expect(await deps.queue.drain()).toBe(0);
      expect(typeof deps.liveEvents.subscribe).toBe('function');
      // The mailer is the mail job's alone: not in the bag routes and use cases see.
      expect('mailer' in deps).toBe(false);
    } finally {
      await built.close();
    }
    expect(closed).toBe(0);
    await expect(pingDatabase(dbHandle.db)).resolves.toBeUndefined();
    await dbHandle.close();
  });
});
