import { mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Mailer } from '../../src/adapters/mail/mailer.ts';
import { createDiskStorage } from '../../src/adapters/storage/disk-storage.ts';
import { newStorageKey } from '../../src/adapters/storage/file-storage.ts';
import { createUnavailableScanner } from '../../src/adapters/virus-scan/unavailable-scanner.ts';
import { buildDeps } from '../../src/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { pingDatabase } from '../../src/db/client.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import { freePort } from '../support/clamd.ts';
import { openTestDatabase } from '../support/database.ts';
import { startS3 } from '../support/s3.ts';

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

  it('AP-5 deps.virusScanner: the one handed in, else from config; the development default says when no clamd answers', async () => {
    const dbHandle = await openTestDatabase();
    const mailer: Mailer = { kind: 'capture', send: async () => {}, close: async () => {} };
    const secret = 'compose-secret-compose-secret-0123456';
    const build = async (
      env: Record<string, string>,
      virusScanner?: ReturnType<typeof createUnavailableScanner>,
    ) => {
      const logger = createMemoryLogger();
      const built = await buildDeps(loadConfig({ SESSION_SECRET: secret, ...env }), {
        dbHandle,
        migrate: false,
        logger,
        mailer,
        secret,
        virusScanner,
      });
      const scanner = built.deps.virusScanner;
      await built.close();
      return { scanner, lines: logger.lines };
    };
    const pong = net.createServer((socket) => socket.on('data', () => socket.end('PONG\0')));
    await new Promise<void>((resolve) => pong.listen(0, '127.0.0.1', resolve));
    try {
      // Tests without CLAMD_HOST: no scanner, so every scan fails closed.
      const inTest = await build({ NODE_ENV: 'test' });
      expect(inTest.scanner.kind).toBe('unavailable');
      await expect(inTest.scanner.scan(Buffer.from('x'))).rejects.toMatchObject({ reason: 'not_configured' });

      const double = createUnavailableScanner('a test double');
      expect((await build({ NODE_ENV: 'test' }, double)).scanner).toBe(double);

      const nobody = String(await freePort());
      const dev = await build({ NODE_ENV: 'development', CLAMD_PORT: nobody });
      expect(dev.scanner.kind).toBe('clamd');
      expect(dev.lines).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          clamd: `127.0.0.1:${nobody}`,
          msg: expect.stringContaining('確認中'),
        }),
      );

      const live = String((pong.address() as net.AddressInfo).port);
      const devLive = await build({ NODE_ENV: 'development', CLAMD_PORT: live });
      expect(devLive.lines).toContainEqual(
        expect.objectContaining({ level: 'info', clamd: `127.0.0.1:${live}` }),
      );
      expect(devLive.lines.filter((l) => l.level === 'warn' && 'clamd' in l)).toEqual([]);
    } finally {
      await new Promise((resolve) => pong.close(resolve));
      await dbHandle.close();
    }
  });

  it('AP-2 deps.storage: the S3 adapter on the bucket and prefix of STORAGE_URL when it is set, else the disk under STORAGE_DIR', async () => {
    const dbHandle = await openTestDatabase();
    const mailer: Mailer = { kind: 'capture', send: async () => {}, close: async () => {} };
    const dir = await mkdtemp(path.join(tmpdir(), 'hw-compose-storage-'));
    const s3 = await startS3();
    const logger = createMemoryLogger();
    const build = (env: Record<string, string>) =>
      buildDeps(
        loadConfig({
          NODE_ENV: 'test',
          SESSION_SECRET: 'compose-secret-compose-secret-0123456',
          STORAGE_DIR: path.join(dir, 'files'),
          LEDGER_DIR: path.join(dir, 'ledger'),
          ...env,
        }),
        { dbHandle, migrate: false, mailer, logger },
      );
    try {
      const onS3 = await build(s3.env('compose/files'));
      try {
        expect(onS3.deps.storage.kind).toBe('s3');
        const stored = await onS3.deps.storage.put(newStorageKey(), Buffer.from('%PDF-1.4'));
        expect(await s3.objectKeys()).toEqual([`compose/files/${stored.key}`]);
        expect(logger.lines).toContainEqual(
          expect.objectContaining({
            level: 'info',
            msg: 'documents are stored in the bucket',
            storage: `s3://${s3.bucket}/compose/files`,
            endpoint: s3.endpoint,
          }),
        );
      } finally {
        await onS3.close();
      }
      // A bucket that does not answer is said at start; the app still starts (uploads fail until it does).
      const missing = await build({ ...s3.env('x'), STORAGE_URL: 's3://no-such-bucket/x' });
      try {
        expect(missing.deps.storage.kind).toBe('s3');
        expect(logger.lines).toContainEqual(
          expect.objectContaining({
            level: 'warn',
            storage: 's3://no-such-bucket/x',
            error: 'NotFound',
            msg: expect.stringContaining('does not answer'),
          }),
        );
      } finally {
        await missing.close();
      }
      const onDisk = await build({});
      try {
        expect(onDisk.deps.storage.kind).toBe('disk');
        const stored = await onDisk.deps.storage.put(newStorageKey(), Buffer.from('%PDF-1.4'));
        expect(await readdir(path.join(dir, 'files', stored.key.slice(0, 2)))).toEqual([stored.key]);
      } finally {
        await onDisk.close();
      }
    } finally {
      await s3.stop();
      await dbHandle.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
