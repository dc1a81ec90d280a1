/**
 * `npm start`: web and worker in one process (the embedded default). On an empty embedded
 * database the demo data is written first, so the site has jobs and accounts to try.
 */
import { boot, runEntry } from './boot.ts';
import { shouldSeedDemo } from './config.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { onShutdown, startHttp } from './serve.ts';

await runEntry('start', async () => {
  const started = performance.now();
  const booted = await boot({ schedule: true });
  const { deps } = booted;
  if (shouldSeedDemo(deps.config)) await seedDemoIfEmpty(deps);
  await deps.queue.work();
  const http = await startHttp(booted);
  deps.logger.info('ready', { ms: Math.round(performance.now() - started), mail: booted.mailer.kind });
  onShutdown(async () => {
    await http.close();
    await booted.close();
  });
});
