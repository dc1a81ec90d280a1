/**
 * Many open event streams from one process, over plain node:http (one socket each, as browsers
 * would have), parsed just enough to know when each stream became ready and when each `inbox`
 * event arrived (performance.now() of this process).
 */
import http from 'node:http';

export interface StreamClient {
  /** When `ready` arrived (ms, performance.now()). */
  readyAt: number | null;
  /** Arrival times of the inbox events, in order. */
  inboxAt: number[];
  ended: boolean;
  close(): void;
}

export interface StreamFleet {
  clients: StreamClient[];
  /** Resolves when every stream had `ready`; rejects after `ms`. */
  ready(ms: number): Promise<void>;
  /** Resolves when every stream has at least `n` inbox events; rejects after `ms`. */
  inbox(n: number, ms: number): Promise<void>;
  close(): void;
}

function waitUntil(check: () => boolean, what: () => string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + ms;
    const tick = () => {
      if (check()) return resolve();
      if (performance.now() > deadline) return reject(new Error(`timed out: ${what()}`));
      setTimeout(tick, 2);
    };
    tick();
  });
}

export function openStreams(
  baseUrl: string,
  cookieName: string,
  tokens: readonly string[],
  o: { concurrency?: number } = {},
): StreamFleet {
  const url = new URL('/mypage/events', baseUrl);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const clients: StreamClient[] = [];
  const errors: string[] = [];
  const open = (token: string): Promise<void> =>
    new Promise((resolve) => {
      const client: StreamClient = { readyAt: null, inboxAt: [], ended: false, close: () => req.destroy() };
      clients.push(client);
      let buffer = '';
      const req = http.get(
        url,
        { agent, headers: { cookie: `${cookieName}=${token}`, accept: 'text/event-stream' } },
        (res) => {
          if (res.statusCode !== 200) errors.push(`status ${res.statusCode}`);
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            const now = performance.now();
            buffer += chunk;
            let cut = buffer.indexOf('\n\n');
            while (cut >= 0) {
              const block = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              if (block.startsWith('event: ready')) {
                client.readyAt = now;
                resolve();
              } else if (block.startsWith('event: inbox')) client.inboxAt.push(now);
              cut = buffer.indexOf('\n\n');
            }
          });
          res.on('end', () => {
            client.ended = true;
            resolve();
          });
        },
      );
      req.on('error', (e) => {
        if (!client.ended) errors.push(e.message);
        client.ended = true;
        resolve();
      });
    });
  // Connect in waves, as a thousand people opening their page would not all arrive in one millisecond.
  const concurrency = o.concurrency ?? 100;
  const connecting = (async () => {
    for (let i = 0; i < tokens.length; i += concurrency) {
      await Promise.all(tokens.slice(i, i + concurrency).map(open));
    }
  })();
  return {
    clients,
    async ready(ms) {
      await connecting;
      await waitUntil(
        () => clients.length === tokens.length && clients.every((c) => c.readyAt !== null),
        () =>
          `${clients.filter((c) => c.readyAt !== null).length}/${tokens.length} streams ready; errors: ${errors.slice(0, 3).join(', ')}`,
        ms,
      );
    },
    inbox(n, ms) {
      return waitUntil(
        () => clients.every((c) => c.inboxAt.length >= n),
        () =>
          `${clients.filter((c) => c.inboxAt.length >= n).length}/${clients.length} streams got event ${n}`,
        ms,
      );
    },
    close() {
      for (const c of clients) c.close();
      agent.destroy();
    },
  };
}

/** The resident set size of a process in bytes (Linux /proc). */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return kb * 1024;
}
