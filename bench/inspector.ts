/**
 * CPU profiles of a running child process over the DevTools protocol: the server is started with
 * `--inspect=127.0.0.1:<port>` and the benchmark starts and stops V8's sampling profiler around the
 * load of one page, so each profile holds that page's work only (no start-up, no seed).
 */
import type { CpuProfile } from './cpu-profile.ts';

export interface Profiler {
  /** Runs `load` with the profiler on and returns the profile of that window. */
  around(load: () => Promise<unknown>): Promise<CpuProfile>;
  close(): void;
}

interface Reply {
  id?: number;
  result?: { profile?: CpuProfile };
  error?: { message: string };
}

export async function connectProfiler(inspectPort: number): Promise<Profiler> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`no inspector target on port ${inspectPort}`);
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot open ${url}`)), { once: true });
  });
  let next = 1;
  const pending = new Map<number, (reply: Reply) => void>();
  socket.addEventListener('message', (event) => {
    const reply = JSON.parse(String(event.data)) as Reply;
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  const send = (method: string, params: Record<string, unknown> = {}): Promise<Reply> => {
    const id = next++;
    return new Promise<Reply>((resolve, reject) => {
      pending.set(id, (reply) => {
        pending.delete(id);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  };
  await send('Profiler.enable');
  // 1 ms between samples: enough resolution for pages of a few milliseconds, little overhead.
  await send('Profiler.setSamplingInterval', { interval: 1000 });
  return {
    async around(load) {
      await send('Profiler.start');
      let reply: Reply | undefined;
      try {
        await load();
      } finally {
        reply = await send('Profiler.stop');
      }
      const profile = reply.result?.profile;
      if (!profile) throw new Error('Profiler.stop returned no profile');
      return profile;
    },
    close: () => socket.close(),
  };
}
