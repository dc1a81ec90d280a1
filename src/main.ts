/**
 * `npm start`: web and worker in one process (the embedded default). On an empty embedded
 * database the demo data is written first, so the site has jobs and accounts to try.
 */
import { boot, runEntry } from './boot.ts';
import { shouldSeedDemo } from './config.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { loadReadings } from './modules/search/readings.ts';
import {
  onShutdown,
  reportMetrics,
  startHttp,
  startMetricsHttp,
  startWorking,
  stopWorking,
} from './serve.ts';

await runEntry('start', async () => {
  const started = performance.now();
  // The one process indexes jobs (the demo seed, any job change): the search readings' dictionary
  // (ADR 0035) loads while the database boots, so no job change waits for it inside its transaction.
  // A failure here is not lost: the first index write awaits the same promise and fails with it.
  loadReadings().catch(() => {});
  const booted = await boot({ schedule: true });
  const { deps } = booted;
  const seedStarted = performance.now();
  const seeded = shouldSeedDemo(deps.config) && (await seedDemoIfEmpty(deps));
  const seed = seeded ? { seed: Math.round(performance.now() - seedStarted) } : {};
  const heartbeat = await startWorking(deps);
  const http = await startHttp(booted);
  const metricsHttp = await startMetricsHttp(booted);
  reportMetrics(deps, { mainHttp: true });
  deps.logger.info('ready', {
    ms: Math.round(performance.now() - started),
    // Since the process started: Node itself and loading the modules come before `ms`.
    uptimeMs: Math.round(performance.now()),
    steps: { ...booted.startup, ...seed },
    mail: booted.mailer.kind,
  });
  onShutdown(deps, async () => {
    // Requests and the running job get the same grace period, side by side.
    await Promise.all([http.close(), stopWorking(deps, heartbeat)]);
    await metricsHttp?.close();
    await booted.close();
  });
});
