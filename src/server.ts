/** `npm run start:web`: the HTTP server only (production with PostgreSQL; run the worker beside it). */
import { boot, runEntry } from './boot.ts';
import { onShutdown, reportMetrics, startHttp, startMetricsHttp } from './serve.ts';

await runEntry('web', async () => {
  const booted = await boot({ schedule: false });
  const http = await startHttp(booted);
  const metricsHttp = await startMetricsHttp(booted);
  reportMetrics(booted.deps, { mainHttp: true });
  onShutdown(booted.deps, async () => {
    await http.close();
    await metricsHttp?.close();
    await booted.close();
  });
});
