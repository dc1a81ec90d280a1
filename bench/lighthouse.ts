/**
 * `npm run bench:lighthouse` (issue 14 "Measured by real tools"): Lighthouse, through the pinned
 * @lhci/cli, in Debian's Chromium, mobile (Lighthouse's default: a Moto G class screen, simulated slow
 * 4G and a 4× slower CPU), on the pages a person uses most: top, search results, a 求人票, the seeker's
 * ホーム, the apply form, one staff and one employer page. The app runs as `npm start` does (web,
 * worker and demo data, embedded PGlite) but in production mode. Lighthouse drives one Chromium that
 * this script starts (on a remote-debugging port Lighthouse connects to; cookies are set in it over
 * the DevTools protocol), so a signed-in page
 * is seen with the demo account's cookies in the browser's own jar, as a person's browser holds them
 * — an extra Cookie header would not reach the page's event stream. Prints a table of the four
 * category scores and writes the reports' folder. Targets: performance ≥ 95, accessibility 100, best practices 100, SEO ≥ 95.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Browser } from './apply-client.ts';
import { freePort, startWebServer } from './http.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 1);

interface Target {
  name: string;
  path: string;
  /** Whose session the page is seen with. */
  as?: { email: string; password: string; loginPath: string };
}

const SEEKER = { email: 'kyushoku@example.jp', password: 'Kyushoku-2026!', loginPath: '/login' };
const STAFF = { email: 'shokuin@example.jp', password: 'Shokuin-2026!', loginPath: '/staff/login' };
const EMPLOYER = { email: 'kyujin@example.jp', password: 'Kyujin-2026!', loginPath: '/employer/login' };

/** Chromium headless on a remote-debugging port, with its own profile; stop() ends it. */
async function startChromium(port: number) {
  const profile = await mkdtemp(path.join(tmpdir(), 'hw-lighthouse-chromium-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-dev-shm-usage',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  let socketUrl = '';
  while (!socketUrl) {
    try {
      const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
        webSocketDebuggerUrl: string;
      };
      socketUrl = version.webSocketDebuggerUrl;
    } catch {
      if (Date.now() > deadline) throw new Error('Chromium did not open its debugging port');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  /** One DevTools command to the browser. */
  const send = (method: string, params: object) =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(socketUrl);
      ws.onopen = () => ws.send(JSON.stringify({ id: 1, method, params }));
      ws.onmessage = (e) => {
        const reply = JSON.parse(String(e.data)) as { id?: number; error?: { message: string } };
        if (reply.id !== 1) return;
        ws.close();
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve();
      };
      ws.onerror = () => reject(new Error(`${method}: DevTools connection failed`));
    });
  return {
    setCookies: (cookies: { name: string; value: string; url: string }[]) =>
      send('Storage.setCookies', { cookies }),
    clearCookies: () => send('Storage.clearCookies', {}),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function collect(baseUrl: string, targets: Target[], port: number, out: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'hw-lhci-'));
  const config = {
    ci: {
      collect: {
        url: targets.map((t) => `${baseUrl}${t.path}`),
        numberOfRuns: RUNS,
        chromePath: CHROMIUM,
        // The Chromium already listening on `port` is used (chrome-launcher connects to it).
        settings: { port },
      },
    },
  };
  await writeFile(path.join(dir, 'lighthouserc.json'), JSON.stringify(config));
  execFileSync(
    process.env.LHCI_BIN ?? path.join(root, 'node_modules/.bin/lhci'),
    ['collect', '--config=lighthouserc.json'],
    {
      cwd: dir,
      stdio: ['ignore', process.env.LIGHTHOUSE_VERBOSE ? 'inherit' : 'ignore', 'inherit'],
    },
  );
  const results: { url: string; scores: Record<string, number>; failed: string[] }[] = [];
  const reports = path.join(dir, '.lighthouseci');
  for (const file of (await readdir(reports)).filter((f) => f.startsWith('lhr-') && f.endsWith('.json'))) {
    const lhr = JSON.parse(await readFile(path.join(reports, file), 'utf8')) as {
      finalDisplayedUrl?: string;
      requestedUrl: string;
      categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
      audits: Record<string, { score: number | null }>;
    };
    // The audits that cost points: weighted in a category and not passed.
    const failed = CATEGORIES.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((a) => a.weight > 0 && (lhr.audits[a.id]?.score ?? 1) < 1)
        .map((a) => a.id),
    );
    results.push({
      url: lhr.requestedUrl,
      scores: Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      ),
      failed,
    });
    await writeFile(path.join(out, file), JSON.stringify(lhr));
  }
  await rm(dir, { recursive: true, force: true });
  return results;
}

const server = await startWebServer(undefined, root, {
  entry: 'src/main.ts',
  env: { DATABASE_URL: undefined, SEED_DEMO: 'true', SEED_JOBS: process.env.SEED_JOBS ?? '2000' },
});
try {
  const anonymous = new Browser(server.baseUrl);
  const results = await anonymous.get('/jobs?kw=%E4%BB%8B%E8%AD%B7');
  const job = /href="(\/jobs\/\d{5}-\d{8})"/.exec(results.html)?.[1];
  if (!job) throw new Error('no job in the results');
  const targets: Target[] = [
    { name: 'top', path: '/' },
    { name: 'search results (介護)', path: '/jobs?kw=%E4%BB%8B%E8%AD%B7' },
    { name: 'job detail', path: job },
    { name: 'seeker ホーム', path: '/mypage', as: SEEKER },
    { name: 'apply form', path: '/mypage/jobs/13010-00000001/apply', as: SEEKER },
    { name: 'staff 求職者一覧', path: '/staff/seekers', as: STAFF },
    { name: 'employer 応募者一覧', path: '/employer/applications', as: EMPLOYER },
  ];
  const out = await mkdtemp(path.join(tmpdir(), 'hw-lighthouse-'));
  const rows: { target: Target; scores: Record<string, number>[]; failed: string[] }[] = [];
  const groups = new Map<string, Target[]>();
  for (const t of targets) {
    const key = t.as?.email ?? '';
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const port = await freePort();
  const browser = await startChromium(port);
  try {
    for (const group of groups.values()) {
      const who = group[0]!.as;
      await browser.clearCookies();
      if (who) {
        const client = new Browser(server.baseUrl);
        await client.signIn(who.email, who.password, who.loginPath);
        await browser.setCookies(
          client
            .cookieHeader()
            .split('; ')
            .map((pair) => {
              const at = pair.indexOf('=');
              return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.baseUrl };
            }),
        );
      }
      const found = await collect(server.baseUrl, group, port, out);
      for (const t of group) {
        const url = `${server.baseUrl}${t.path}`;
        const runs = found.filter((r) => r.url === url);
        rows.push({
          target: t,
          scores: runs.map((r) => r.scores),
          failed: [...new Set(runs.flatMap((r) => r.failed))],
        });
      }
    }
  } finally {
    await browser.stop();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(`\nLighthouse (mobile, ${RUNS} run(s) per page, median), reports in ${out}\n`);
  console.log('| page | performance | accessibility | best practices | SEO | audits not passed |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const cell = (c: string) => String(median(r.scores.map((s) => s[c] ?? 0)));
    console.log(`| ${r.target.name} | ${CATEGORIES.map(cell).join(' | ')} | ${r.failed.join(', ') || '—'} |`);
  }
} finally {
  await server.stop();
}
