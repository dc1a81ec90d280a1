/**
 * English complete (issue 14): on an English page no Japanese is left except content — a 求人票's
 * own text, names, addresses, municipalities — and that content is marked lang="ja" (WCAG 3.1.2,
 * src/web/language-of-parts.ts). The demo data of `npm start` is crawled, following links from each
 * portal's home as the demo accounts and as a visitor, and every Japanese run on every page (text and
 * the attributes a person hears or sees) must be found in the data: a run that is not came from the
 * interface, which must be English.
 */
import { sql } from 'drizzle-orm';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { seedDemoIfEmpty } from '../../src/demo/seed.ts';
import { PREFECTURES } from '../../src/modules/geo/geo.data.ts';
import { JAPANESE_RUN } from '../../src/web/language-of-parts.ts';
import type { TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
/** Every text value of the database and the municipality names, one string. */
let content = '';
beforeAll(async () => {
  ctx = await createTestContext({ env: { SEED_JOBS: '40' } });
  await seedDemoIfEmpty(ctx.deps);
  const tables = await queryRows<{ name: string }>(
    ctx.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = await queryRows<{ text: string | null }>(
      ctx.db,
      sql`select string_agg(t::text, E'\n') as text from ${sql.identifier(name)} t`,
    );
    parts.push(row?.text ?? '');
  }
  for (const p of PREFECTURES)
    parts.push(p.name, ...p.municipalities.flatMap((m) => [m.name, ...m.stations]));
  content = parts.join('\n');
}, 180_000);
afterAll(() => ctx?.close());

/** Japanese script or punctuation: what may not be left once the runs of content are taken out. */
const JAPANESE = /[\u3000-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF01-\uFF9F]/u;
const ATTRIBUTES = ['title', 'aria-label', 'placeholder', 'alt', 'data-label'];
const PAGES_PER_ROLE = 200;
/** Public pages (search, 求人票) per role besides its portal's own. */
const PUBLIC_PAGES = 40;

interface Finding {
  path: string;
  run: string;
  where: string;
}

/**
 * Japanese on purpose: a language's own name in the language switch (<a hreflang>), and the examples
 * of a field's hint (what to type is Japanese: 「For example 千代田区, 横浜市中区」).
 */
function japaneseOnPurpose(el: HTMLElement | null): boolean {
  for (let e = el; e; e = e.parentNode as HTMLElement | null)
    if (e.getAttribute?.('hreflang') || e.classList?.contains('field__hint')) return true;
  return false;
}

function inJapanese(el: HTMLElement | null): boolean {
  for (let e = el; e; e = e.parentNode as HTMLElement | null) {
    const lang = e.getAttribute?.('lang');
    if (lang) return lang.startsWith('ja');
  }
  return false;
}

/** Japanese runs on a page that are not content, and content not marked Japanese. */
function check(path: string, body: HTMLElement): Finding[] {
  const found: Finding[] = [];
  const judge = (text: string, where: string, marked: boolean, onPurpose = false) => {
    // Japanese punctuation outside the runs: the interface's unless it is content (「ＰＣ（Excel・Word）」).
    for (const rest of text.split(JAPANESE_RUN)) {
      if (JAPANESE.test(rest) && !content.includes(rest.trim()))
        found.push({ path, run: rest.trim(), where: `${where}: Japanese punctuation` });
    }
    for (const [run] of text.matchAll(JAPANESE_RUN)) {
      if (onPurpose && marked) continue;
      if (!content.includes(run.trim())) found.push({ path, run, where: `${where}: not content` });
      else if (!marked && where === 'text') found.push({ path, run, where: 'text not marked lang="ja"' });
    }
  };
  const walk = (el: HTMLElement) => {
    const tag = el.tagName?.toLowerCase();
    if (tag === 'script' || tag === 'style') return;
    for (const a of ATTRIBUTES) {
      const value = el.getAttribute?.(a);
      if (value) judge(value, `@${a}`, true);
    }
    if (tag === 'input' && ['submit', 'button'].includes(el.getAttribute('type') ?? ''))
      judge(el.getAttribute('value') ?? '', '@value', true);
    for (const n of el.childNodes) {
      if (n.nodeType === 3) {
        // <option> and <textarea> cannot hold a <span lang>: their text counts as marked when content.
        const textOnly = tag === 'option' || tag === 'textarea';
        judge(n.text, 'text', textOnly || inJapanese(el), japaneseOnPurpose(el));
      } else if (n.nodeType === 1) walk(n as HTMLElement);
    }
  };
  walk(body);
  return found;
}

/**
 * Breadth first from `start`, the portal's own pages before public ones (a search links to many
 * 求人票; a few of them say as much as all).
 */
async function crawl(
  client: TestClient,
  start: string[],
  own: string,
): Promise<{ pages: number; findings: Finding[] }> {
  const seen = new Set<string>();
  const mine = start.filter((p) => p.startsWith(own));
  const others = start.filter((p) => !p.startsWith(own));
  const findings: Finding[] = [];
  let pages = 0;
  let publicPages = 0;
  while (seen.size < PAGES_PER_ROLE) {
    const path = mine.shift() ?? (publicPages < PUBLIC_PAGES ? others.shift() : undefined);
    if (path === undefined) break;
    if (seen.has(path)) continue;
    seen.add(path);
    if (!path.startsWith(own)) publicPages++;
    const page = await client.get(path);
    if (page.status >= 300 || !page.headers.get('content-type')?.includes('text/html')) continue;
    pages++;
    expect(page.dom.querySelector('html')?.getAttribute('lang'), path).toBe('en');
    findings.push(...check(path, page.dom.querySelector('body')!));
    for (const a of page.dom.querySelectorAll('a[href]')) {
      const href = (a.getAttribute('href') ?? '').split('#')[0]!;
      if (!href.startsWith('/') || href.startsWith('//') || seen.has(href)) continue;
      // Not pages: signing out, switching language, files, the development mailbox.
      if (/^\/(locale|logout|dev\/)|\/logout|\.(pdf|csv|ics)$|\/(download|file|pdf|export)/.test(href))
        continue;
      (href.startsWith(own) ? mine : others).push(href);
    }
  }
  return { pages, findings };
}

const DEMO = {
  seeker: { email: 'kyushoku@example.jp', password: 'Kyushoku-2026!', home: '/mypage' },
  employer: { email: 'kyujin@example.jp', password: 'Kyujin-2026!', home: '/employer' },
  staff: { email: 'shokuin@example.jp', password: 'Shokuin-2026!', home: '/staff' },
} as const;

describe('English pages', () => {
  it.each(['visitor', 'seeker', 'employer', 'staff'] as const)(
    'no Japanese on an English page but content, and content marked lang="ja" (%s)',
    async (role) => {
      const client = ctx.client();
      let start: string[] = [
        '/',
        '/jobs',
        '/jobs?kw=介護',
        '/login',
        '/signup',
        '/employer/login',
        '/staff/login',
      ];
      let own = '/';
      if (role !== 'visitor') {
        const demo = DEMO[role];
        await signInAs(client, role, demo.email, demo.password);
        start = [demo.home, ...start.slice(0, 3)];
        own = demo.home;
      }
      // After signing in: the account's remembered language is used, so choose English now.
      await client.get('/locale?lang=en');
      const { pages, findings } = await crawl(client, start, own);
      console.info(
        `English pages (${role}): ${pages} pages crawled from ${own}, ${findings.length} findings`,
      );
      expect(pages).toBeGreaterThan(role === 'visitor' ? 10 : 25);
      const unique = [...new Map(findings.map((f) => [`${f.where} ${f.run}`, f])).values()];
      for (const f of unique.slice(0, 300)) console.info(`FINDING ${f.path} — ${f.where}: ${f.run}`);
      expect(unique.map((f) => `${f.path} — ${f.where}: ${f.run}`)).toEqual([]);
    },
    300_000,
  );
});
