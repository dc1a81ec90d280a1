/** `npm run start:worker`: background jobs only (mail, scans, retention, expiry warnings). */
import { boot, runEntry } from './boot.ts';
import { onShutdown, reportMetrics, startMetricsHttp, startWorking, stopWorking } from './serve.ts';

await runEntry('worker', async () => {
  const booted = await boot({ schedule: true });
  const { deps } = booted;
  const heartbeat = await startWorking(deps);
  // The worker has no other HTTP: /metrics, /healthz and /readyz only on METRICS_PORT.
  const metricsHttp = await startMetricsHttp(booted);
  reportMetrics(deps, { mainHttp: false });
  deps.logger.info('worker started', { mail: booted.mailer.kind, worker: heartbeat.workerId });
  onShutdown(deps, async () => {
    await stopWorking(deps, heartbeat);
    await metricsHttp?.close();
    await booted.close();
  });
});
