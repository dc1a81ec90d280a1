/**
 * `npm run bench:lighthouse` (issue 14 "Measured by real tools"): Lighthouse, through the pinned
 * @lhci/cli, in Debian's Chromium, mobile (Lighthouse's default: a Moto G class screen, simulated slow
 * 4G and a 4× slower CPU), on the pages a person uses most: top, search results, a 求人票, the seeker's
 * ホーム, the apply form, one staff and one employer page. The app runs as `npm start` does (web,
 * worker and demo data, embedded PGlite) but in production mode. Signed-in pages get the demo
 * account's session cookie. Prints a table of the four category scores and writes the reports'
 * folder. Targets: performance ≥ 95, accessibility 100, best practices 100, SEO ≥ 95.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Browser } from './apply-client.ts';
import { startWebServer } from './http.ts';

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

async function collect(baseUrl: string, targets: Target[], cookie: string | null, out: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'hw-lhci-'));
  const config = {
    ci: {
      collect: {
        url: targets.map((t) => `${baseUrl}${t.path}`),
        numberOfRuns: RUNS,
        chromePath: CHROMIUM,
        settings: {
          chromeFlags: '--headless=new --no-sandbox --disable-dev-shm-usage',
          ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
        },
      },
    },
  };
  await writeFile(path.join(dir, 'lighthouserc.json'), JSON.stringify(config));
  execFileSync(
    process.env.LHCI_BIN ?? path.join(root, 'node_modules/.bin/lhci'),
    ['collect', '--config=lighthouserc.json'],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const results: { url: string; scores: Record<string, number> }[] = [];
  const reports = path.join(dir, '.lighthouseci');
  for (const file of (await readdir(reports)).filter((f) => f.startsWith('lhr-') && f.endsWith('.json'))) {
    const lhr = JSON.parse(await readFile(path.join(reports, file), 'utf8')) as {
      finalDisplayedUrl?: string;
      requestedUrl: string;
      categories: Record<string, { score: number | null }>;
    };
    results.push({
      url: lhr.requestedUrl,
      scores: Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      ),
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
  const rows: { target: Target; scores: Record<string, number>[] }[] = [];
  const groups = new Map<string, Target[]>();
  for (const t of targets) {
    const key = t.as?.email ?? '';
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const group of groups.values()) {
    const who = group[0]!.as;
    let cookie: string | null = null;
    if (who) {
      const browser = new Browser(server.baseUrl);
      await browser.signIn(who.email, who.password, who.loginPath);
      cookie = browser.cookieHeader();
    }
    const found = await collect(server.baseUrl, group, cookie, out);
    for (const t of group) {
      const url = `${server.baseUrl}${t.path}`;
      rows.push({ target: t, scores: found.filter((r) => r.url === url).map((r) => r.scores) });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(`\nLighthouse (mobile, ${RUNS} run(s) per page, median), reports in ${out}\n`);
  console.log('| page | performance | accessibility | best practices | SEO |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    const cell = (c: string) => String(median(r.scores.map((s) => s[c] ?? 0)));
    console.log(`| ${r.target.name} | ${CATEGORIES.map(cell).join(' | ')} |`);
  }
} finally {
  await server.stop();
}
