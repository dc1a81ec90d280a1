/**
 * The cluster's small reverse proxy (ADR 0030): `proxy.ts PORT host:port host:port …`.
 * Round-robin over the web servers; a backend that refuses the connection is marked down for a
 * second and the request goes to the next one (the body is only sent once a connection stands,
 * so nothing is half-sent); /healthz of each backend is checked twice a second to bring it back.
 * It adds X-Forwarded-For (the web servers run with TRUST_PROXY=true). Event streams pass through.
 */
import http from 'node:http';

export interface Backend {
  host: string;
  port: number;
  downUntil: number;
}

/**
 * The backend for a request, round-robin from `start`: the next one that is up and not tried yet
 * for this request; when all of those are marked down, the next one not tried (it may be back);
 * null when every backend was tried.
 */
export function pickBackend(
  backends: readonly Backend[],
  start: number,
  now: number,
  tried: ReadonlySet<number> = new Set(),
): number | null {
  const order = backends.map((_, k) => (start + k) % backends.length).filter((i) => !tried.has(i));
  return order.find((i) => backends[i]!.downUntil <= now) ?? order[0] ?? null;
}

const DOWN_MS = 1000;

export function startProxy(port: number, targets: readonly string[]): Promise<http.Server> {
  const backends: Backend[] = targets.map((t) => {
    const [host, p] = t.split(':');
    return { host: host!, port: Number(p), downUntil: 0 };
  });
  let next = 0;

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, tried: Set<number>) => {
    const i = pickBackend(backends, next, Date.now(), tried);
    if (i === null) {
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '2' });
      res.end('ただいまご利用いただけません（応答できるサーバーがありません）\n');
      return;
    }
    next = i + 1;
    tried.add(i);
    const backend = backends[i]!;
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const upstream = http.request({
      host: backend.host,
      port: backend.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, 'x-forwarded-for': forwardedFor },
      agent: false,
    });
    let connected = false;
    upstream.on('socket', (socket) => {
      socket.once('connect', () => {
        connected = true;
        req.pipe(upstream);
      });
    });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      res.on('close', () => answer.destroy());
    });
    upstream.on('error', () => {
      if (!connected) {
        backend.downUntil = Date.now() + DOWN_MS;
        forward(req, res, tried);
      } else if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('ただいまご利用いただけません\n');
      } else {
        res.destroy();
      }
    });
    req.on('aborted', () => upstream.destroy());
  };

  const check = setInterval(() => {
    for (const b of backends) {
      const probe = http.get(
        { host: b.host, port: b.port, path: '/healthz', agent: false, timeout: 1000 },
        (r) => {
          r.resume();
          if (r.statusCode === 200) b.downUntil = 0;
        },
      );
      probe.on('error', () => {
        b.downUntil = Date.now() + DOWN_MS;
      });
      probe.on('timeout', () => probe.destroy());
    }
  }, 500);
  check.unref();

  const server = http.createServer((req, res) => {
    if (req.url === '/healthz' && req.headers['x-proxy-health'] !== undefined) {
      res.end('ok\n');
      return;
    }
    forward(req, res, new Set());
  });
  server.on('close', () => clearInterval(check));
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [port, ...targets] = process.argv.slice(2);
  if (!port || targets.length === 0) {
    process.stderr.write('usage: proxy.ts PORT host:port [host:port …]\n');
    process.exit(2);
  }
  const server = await startProxy(Number(port), targets);
  process.stdout.write(`proxy on :${port} → ${targets.join(', ')}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Event streams would keep close() waiting: connections are cut after a second.
  process.on('SIGTERM', () => setTimeout(() => process.exit(0), 1000).unref());
}
