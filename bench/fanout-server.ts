/**
 * The web entry for the fan-out benchmark on the embedded database: exactly src/server.ts (boot,
 * startHttp, clean shutdown), plus an IPC channel through which the harness asks this process to
 * write the benchmark's seekers and to send the office-wide お知らせ. PGlite belongs to one process,
 * so on the embedded database nobody else can do either. Not for anything but bench:fanout.
 */
import { randomUUID } from 'node:crypto';
import { boot, runEntry } from '../src/boot.ts';
import { sendOfficeNotice } from '../src/modules/information/send-notice.ts';
import { onShutdown, startHttp } from '../src/serve.ts';
import { FANOUT_OFFICE, seedFanoutSeekers } from './fanout-seed.ts';

export type FanoutCommand =
  | { cmd: 'seed'; n: number }
  | { cmd: 'send'; title: string; body: string }
  | { cmd: 'gc' };
export type FanoutReply =
  | { cmd: 'seed'; tokens: string[] }
  | { cmd: 'gc' }
  | { cmd: 'send'; ms: number; sent: number }
  | { cmd: 'error'; message: string };

await runEntry('bench:fanout-server', async () => {
  const booted = await boot({ schedule: false });
  const http = await startHttp(booted);
  const { deps } = booted;
  process.on('message', (m: FanoutCommand) => {
    const reply = (r: FanoutReply) => process.send?.(r);
    (async () => {
      if (m.cmd === 'seed') {
        reply({ cmd: 'seed', tokens: await seedFanoutSeekers(deps.db, m.n) });
      } else if (m.cmd === 'gc') {
        // Started with --expose-gc: the seeding's garbage is collected before memory is read.
        (globalThis as { gc?: () => void }).gc?.();
        reply({ cmd: 'gc' });
      } else {
        const started = performance.now();
        const result = await sendOfficeNotice(deps, {
          title: m.title,
          body: m.body,
          key: randomUUID(),
          staffOfficeCode: FANOUT_OFFICE,
        });
        reply({ cmd: 'send', ms: performance.now() - started, sent: result.sent });
      }
    })().catch((error: Error) => reply({ cmd: 'error', message: error.stack ?? error.message }));
  });
  process.send?.({ cmd: 'listening', port: http.port });
  onShutdown(deps, async () => {
    await http.close();
    await booted.close();
  });
});
