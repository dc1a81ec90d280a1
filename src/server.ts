/** `npm run start:web`: the HTTP server only (production with PostgreSQL; run the worker beside it). */
import { boot, runEntry } from './boot.ts';
import { onShutdown, startHttp } from './serve.ts';

await runEntry('web', async () => {
  const booted = await boot({ schedule: false });
  const http = await startHttp(booted);
  onShutdown(async () => {
    await http.close();
    await booted.close();
  });
});
