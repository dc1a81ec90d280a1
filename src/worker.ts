/** `npm run start:worker`: background jobs only (mail, scans, retention, expiry warnings). */
import { boot, runEntry } from './boot.ts';
import { onShutdown } from './serve.ts';

await runEntry('worker', async () => {
  const booted = await boot({ schedule: true });
  await booted.deps.queue.work();
  booted.deps.logger.info('worker started', { mail: booted.mailer.kind });
  onShutdown(() => booted.close());
});
