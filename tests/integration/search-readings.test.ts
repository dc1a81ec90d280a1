/**
 * Kana finds kanji (issue 14, ADR 0035, SPEC SR-1): a keyword in hiragana or katakana also finds
 * the jobs whose text has it in kanji with that reading, and the page says so. Results stay exact:
 * every job shown holds the keyword in its text or in the reading of its text.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobPostings } from '../../src/db/schema/index.ts';
import type { NewJobPosting } from '../../src/modules/jobs/jobs.repository.ts';
import { publicJobSearchSchema } from '../../src/modules/opendata/public-job.ts';
import { reindexAllJobs, reindexJob } from '../../src/modules/search/reindex-job.ts';
import { findIndexedBodies } from '../../src/modules/search/search.repository.ts';
import { bodyReading, bodyText } from '../../src/modules/search/search-index.ts';
import { normalizeText, READINGS } from '../../src/modules/search/search-text.ts';
import { createJob } from '../support/factories.ts';
import type { Page } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** A word no other test uses (latin letters and digits only: it has no reading of its own). */
const marker = () => `mk${randomBytes(4).toString('hex')}`;
const q = (s: string) => encodeURIComponent(s);
const search = (query: string) => ctx.client().get(`/jobs?${query}`);
const cards = (page: Page) =>
  page.dom.querySelectorAll('.job-list article').map((a) => ({
    title: a.querySelector('h3')?.textContent.trim() ?? '',
    note: a.querySelector('[data-testid="reading-match"]')?.textContent.trim() ?? null,
  }));
const titles = (page: Page) => cards(page).map((c) => c.title);

/** A job whose searchable text is only what is given here (no generated notes, requirements …). */
const job = (title: string, description: string, more: Partial<NewJobPosting> = {}) =>
  createJob(ctx.deps, {
    title,
    description,
    specialNotes: '',
    education: null,
    experience: null,
    license: null,
    holidays: '土日',
    nearestStation: '',
    ...more,
  });

/** The exactness rule: each shown job holds `word` (normalised) in its text or in its reading. */
async function expectExact(
  page: Page,
  word: string,
  fixtures: { id: number; posting: { title?: string } }[],
) {
  const w = normalizeText(word);
  const bodies = await findIndexedBodies(
    ctx.db,
    fixtures.map((f) => f.id),
  );
  const shown = new Set(titles(page));
  for (const { id, posting } of fixtures) {
    const body = bodies.get(id) ?? '';
    const holds = bodyText(body).includes(w) || bodyReading(body).includes(w);
    expect({ title: posting.title, holds }).toEqual({
      title: posting.title,
      holds: shown.has(posting.title!),
    });
  }
}

describe('SR-1 kana finds kanji by its reading', () => {
  it('SR-1 かいご, カイゴ and ｶｲｺﾞ find the 介護 jobs and the jobs with かいご in text, and no other', async () => {
    const m = marker();
    const fixtures = [
      await job(`介護福祉士 ${m}`, '特別養護老人ホームでの勤務です。'),
      await job(`施設スタッフ ${m}`, '利用者さまの介護をお願いします。'),
      await job(`かいごのおしごと ${m}`, '未経験から始められます。'),
      await job(`ｶｲｺﾞｽﾀｯﾌ ${m}`, '日勤のみです。'),
      await job(`看護師 ${m}`, '病棟での勤務です。'),
      await job(`介助スタッフ ${m}`, '入浴の介助をします。'),
      await job(`海外営業 ${m}`, '解雇の予定はありません。'),
    ];
    const expected = [`介護福祉士 ${m}`, `施設スタッフ ${m}`, `かいごのおしごと ${m}`, `ｶｲｺﾞｽﾀｯﾌ ${m}`].sort();
    for (const word of ['かいご', 'カイゴ', 'ｶｲｺﾞ']) {
      const page = await search(`kw=${q(`${word} ${m}`)}`);
      expect(page.status).toBe(200);
      expect(titles(page).sort(), word).toEqual(expected);
      expect(page.text('[data-testid="hit-count"]')).toBe('4件');
      await expectExact(page, word, fixtures);
    }
  });

  it('SR-1 the page says when a match came from a reading, and only then', async () => {
    const m = marker();
    await job(`介護職員 ${m}`, '施設での勤務です。');
    await job(`カイゴ職員 ${m}`, '介護施設での勤務です。');
    const page = await search(`kw=${q(`かいご ${m}`)}`);
    const byTitle = Object.fromEntries(cards(page).map((c) => [c.title, c.note]));
    expect(byTitle).toEqual({
      [`介護職員 ${m}`]: '読み（カイゴ）で一致',
      // Its own text has カイゴ as well: found by the text, no note.
      [`カイゴ職員 ${m}`]: null,
    });
    // In English too, and only for the word that is not in the text.
    const client = ctx.client();
    await client.get('/locale?lang=en&next=/');
    const en = await client.get(`/jobs?kw=${q(`かいご しょくいん ${m}`)}`);
    const notes = cards(en).map((c) => c.note);
    expect(notes).toHaveLength(2);
    expect(notes).toContain('Matched by the reading of its kanji (カイゴ・ショクイン)');
    expect(notes).toContain('Matched by the reading of its kanji (ショクイン)');
  });

  it('SR-1 じむ finds 事務; longer readings across words and okurigana match too', async () => {
    const m = marker();
    await job(`一般事務 ${m}`, 'データ入力と電話対応。');
    await job(`事務所清掃 ${m}`, '働きやすい職場です。');
    await job(`営業 ${m}`, '外回りの仕事です。');
    expect(titles(await search(`kw=${q(`じむ ${m}`)}`)).sort()).toEqual(
      [`一般事務 ${m}`, `事務所清掃 ${m}`].sort(),
    );
    expect(titles(await search(`kw=${q(`じむしょ ${m}`)}`))).toEqual([`事務所清掃 ${m}`]);
    expect(titles(await search(`kw=${q(`はたらきやすい ${m}`)}`))).toEqual([`事務所清掃 ${m}`]);
  });

  it('SR-1 りょう finds 寮 — and, as a part of their readings, 医療 (イリョウ) and 給料 (キュウリョウ)', async () => {
    const m = marker();
    const fixtures = [
      await job(`製造スタッフ ${m}`, '寮完備、すぐに入居できます。'),
      await job(`医療事務 ${m}`, '受付をお願いします。'),
      await job(`販売 ${m}`, '給料は月払いです。'),
      await job(`調理 ${m}`, '厨房での仕事です。'),
    ];
    const page = await search(`kw=${q(`りょう ${m}`)}`);
    expect(titles(page).sort()).toEqual([`製造スタッフ ${m}`, `医療事務 ${m}`, `販売 ${m}`].sort());
    await expectExact(page, 'りょう', fixtures);
    // The kanji itself is as precise as before.
    expect(titles(await search(`kw=${q(`寮 ${m}`)}`))).toEqual([`製造スタッフ ${m}`]);
  });

  it('SR-1 an excluded kana word excludes the jobs that have it by reading too', async () => {
    const m = marker();
    await job(`介護職員 ${m}`, '施設での勤務です。');
    await job(`保育士 ${m}`, '園での勤務です。');
    expect(titles(await search(`kw=${q(m)}&kwx=${q('かいご')}`))).toEqual([`保育士 ${m}`]);
  });

  it('SR-1 ST-3 a job edited to remove 介護 no longer matches by reading once reindexed', async () => {
    const m = marker();
    const edited = await job(`介護スタッフ ${m}`, '施設での勤務です。');
    expect(titles(await search(`kw=${q(`かいご ${m}`)}`))).toEqual([`介護スタッフ ${m}`]);
    await ctx.db
      .update(jobPostings)
      .set({ title: `清掃スタッフ ${m}` })
      .where(eq(jobPostings.id, edited.id));
    expect(await reindexJob(ctx.db, edited.id, ctx.clock.now())).toBe('indexed');
    expect(titles(await search(`kw=${q(`かいご ${m}`)}`))).toEqual([]);
    expect(titles(await search(`kw=${q(`せいそう ${m}`)}`))).toEqual([`清掃スタッフ ${m}`]);
  });

  it('SR-1 search:reindex gives a row indexed before readings (text only) its reading', async () => {
    const m = marker();
    const old = await job(`介護スタッフ ${m}`, '施設での勤務です。');
    // As a row written before ADR 0035: the text alone, no reading, no reading bigrams.
    await ctx.db.execute(sql`update job_search set body = split_part(body, ${READINGS}, 1),
      tokens = array_to_tsvector(array(select t from unnest(tsvector_to_array(tokens)) t where t not in ('カイ', 'イゴ')))
      where job_id = ${old.id}`);
    expect(titles(await search(`kw=${q(`かいご ${m}`)}`))).toEqual([]);
    await reindexAllJobs(ctx.db, ctx.clock.now());
    expect(titles(await search(`kw=${q(`かいご ${m}`)}`))).toEqual([`介護スタッフ ${m}`]);
  });

  it('OD-5 SR-1 /api/v1/jobs says per job whether a keyword matched only by reading', async () => {
    const m = marker();
    const kanji = await job(`介護職員 ${m}`, '施設での勤務です。');
    const kana = await job(`カイゴ職員 ${m}`, 'カイゴ施設での勤務です。');
    const res = await ctx.client('10.9.9.9').get(`/api/v1/jobs?kw=${q(`かいご ${m}`)}`);
    expect(res.status).toBe(200);
    const body = publicJobSearchSchema.parse(JSON.parse(res.html));
    const hits = Object.fromEntries(body.jobs.map((j) => [j.jobNumber, [j.matchedBy, j.readingMatches]]));
    expect(hits).toEqual({
      [kanji.jobNumber]: ['reading', ['カイゴ']],
      [kana.jobNumber]: ['text', []],
    });
  });
});
