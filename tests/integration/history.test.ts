/**
 * One's own history to take away, through HTTP with a fixed clock (issue 16, ADR 0026 HI-1..HI-6,
 * G-2): the section of 求職者情報・設定, the applications and referrals as CSV (BOM, parsed back,
 * Japanese intact) and as the PDF 「求職活動の記録」 (text read back with pdfjs-dist), the booked
 * interviews as one .ics with a VEVENT each, お気に入り and the saved conditions as CSV — and never
 * another seeker's rows. Every file: attachment, no-store, nosniff.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, jobPostings } from '../../src/db/schema/index.ts';
import { insertReferrals } from '../../src/modules/referrals/referrals.repository.ts';
import { insertFavorite, insertSavedSearch } from '../../src/modules/search/seeker-lists.repository.ts';
import { findOffer } from '../../src/modules/threads/threads.repository.ts';
import { bookSlot, offerInterview } from '../../src/modules/threads/write-thread.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';
import { readCsvBytes } from '../support/csv.ts';
import {
  createApplication,
  createEmployer,
  createJob,
  createSeeker,
  createStaff,
} from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const HOUR = 3_600_000;
let ip = 10;

interface Person {
  seeker: Awaited<ReturnType<typeof createSeeker>>;
  client: TestClient;
  applicationIds: string[];
  jobNumbers: string[];
}

/**
 * A seeker with two applications (one 採用), a referral target, an interview booked on each
 * application, one お気に入り and one saved search; every job's 職種 carries `mark`.
 */
async function personWithHistory(mark: string, name: string): Promise<Person> {
  const seeker = await createSeeker(ctx.deps, { name });
  const employer = await createEmployer(ctx.deps, { opened: true });
  const staff = await createStaff(ctx.deps);
  const now = ctx.clock.now();
  const made = [];
  for (const n of [1, 2]) {
    const { application, job } = await createApplication(ctx.deps, {
      seekerId: seeker.seeker.id,
      employer: employer.employer,
      appliedAt: new Date(now.getTime() - (3 - n) * 24 * HOUR),
    });
    if (n === 1) {
      await ctx.db
        .update(applications)
        .set({ state: 'hired', decidedAt: new Date(now.getTime() - HOUR) })
        .where(eq(applications.id, application.id));
    }
    await ctx.db
      .update(jobPostings)
      .set({ title: `${mark}の職種${n}` })
      .where(eq(jobPostings.id, job.id));
    made.push({ application, job });
  }
  const target = await createJob(ctx.deps, { title: `${mark}の紹介求人` }, employer.employer);
  await insertReferrals(ctx.db, [
    {
      seekerId: seeker.seeker.id,
      jobId: target.id,
      officeCode: '13010',
      sentBy: staff.staff.id,
      batchId: randomUUID(),
      sentAt: new Date(now.getTime() - 5 * 24 * HOUR),
      applyBy: addDays(tokyoDate(now), 3),
    },
  ]);
  const employerWriter = {
    side: 'employer' as const,
    id: employer.employer.id,
    accountId: employer.account!.id,
  };
  const seekerWriter = { side: 'seeker' as const, id: seeker.seeker.id, accountId: seeker.account.id };
  for (const [n, { application }] of made.entries()) {
    const offered = await offerInterview(ctx.deps, employerWriter, application.id, {
      key: randomUUID(),
      offer: {
        mode: 'in_person',
        place: `東京都千代田区千代田1-${n + 1} ${mark}本社`,
        duration: '60',
        slots: [{ date: addDays(tokyoDate(now), 5 + n), time: '10:00' }],
      },
      note: '',
    });
    if (!offered?.ok) throw new Error(`offer refused: ${JSON.stringify(offered)}`);
    const found = await findOffer(ctx.db, application.id, offered.entry.offerId!);
    const booked = await bookSlot(ctx.deps, seekerWriter, application.id, {
      key: randomUUID(),
      offerId: found!.offer.id,
      slotId: found!.slots[0]!.id,
      note: '',
    });
    if (!booked?.ok) throw new Error(`booking refused: ${JSON.stringify(booked)}`);
  }
  await insertFavorite(ctx.db, seeker.seeker.id, target.id, now);
  await insertSavedSearch(ctx.db, {
    seekerId: seeker.seeker.id,
    name: `${mark}の条件`,
    query: `keyword=${encodeURIComponent(`${mark} 介護`)}&prefecture=13`,
    now,
  });
  const client = ctx.client(`198.51.116.${ip++}`);
  await signInAs(client, 'seeker', seeker.email, seeker.password);
  return {
    seeker,
    client,
    applicationIds: made.map((m) => m.application.id),
    jobNumbers: [...made.map((m) => m.job.jobNumber), target.jobNumber],
  };
}

let alice: Person;
let bob: Person;
beforeAll(async () => {
  // Applications are written 1–2 days before now, past MESSAGE_HOLD_SECONDS, so interviews may be offered.
  alice = await personWithHistory('青木', '青木 花子');
  bob = await personWithHistory('別人', '別人 次郎');
});

async function fetchFile(c: TestClient, path: string) {
  const res = await c.raw(path);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder().decode(bytes) };
}

function expectDownloadHeaders(res: Response, type: string, asciiName: RegExp) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain(type);
  expect(res.headers.get('cache-control')).toContain('no-store');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  const disposition = res.headers.get('content-disposition') ?? '';
  expect(disposition).toMatch(/^attachment; filename="/);
  expect(disposition).toMatch(asciiName);
  expect(disposition).toContain("filename*=UTF-8''");
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const task = getDocument({ data: bytes, useSystemFonts: false });
  const doc = await task.promise;
  try {
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent({ disableNormalization: true });
      for (const item of content.items) if ('str' in item) text += item.str;
      text += '\n';
    }
    return text;
  } finally {
    await task.destroy();
  }
}

describe('history downloads (issue 16)', () => {
  it('HI-5 求職者情報・設定 lists the downloads with what each holds, in Japanese and in English', async () => {
    const page = await alice.client.get('/mypage/settings');
    expect(page.status).toBe(200);
    expect(page.text('#settings-history')).toBe('求職活動の記録のダウンロード');
    const links = [...page.dom.querySelectorAll('#history-downloads a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      '/mypage/settings/history/activity.csv',
      '/mypage/settings/history/activity.pdf',
      '/mypage/settings/history/interviews.ics',
      '/mypage/settings/history/favorites.csv',
      '/mypage/settings/history/saved-searches.csv',
    ]);
    expect(page.text('#history-downloads')).toContain('失業認定');
    await alice.client.get('/locale?lang=en&next=/mypage/settings');
    const en = await alice.client.get('/mypage/settings');
    expect(en.text('#settings-history')).toBe('Download your job-search record');
    await alice.client.get('/locale?lang=ja&next=/mypage/settings');
  });

  it('HI-1 HI-2 HI-6 the applications and referrals CSV opens with the right columns and Japanese intact, only the seeker’s own', async () => {
    const { res, bytes } = await fetchFile(alice.client, '/mypage/settings/history/activity.csv');
    expectDownloadHeaders(res, 'text/csv', /filename="job-search-history_2026-11-21\.csv"/);
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("''")[1]!)).toBe(
      '求職活動の履歴_2026-11-21.csv',
    );
    const { bom, records } = readCsvBytes(bytes);
    expect(bom).toBe(true);
    const [header, ...rows] = records;
    expect(header).toEqual([
      '日付',
      '種別',
      '求人番号',
      '事業所名',
      '職種',
      '状況',
      '状況の日付',
      '紹介状番号',
      '応募期限日',
    ]);
    expect(rows).toHaveLength(3);
    // Oldest first: the referral 5 days ago, then the two applications.
    expect(rows.map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
      ['2026-11-16', 'オンラインハローワーク紹介', '青木の紹介求人', '未応募'],
      ['2026-11-19', '応募（オンライン自主応募）', '青木の職種1', '採用'],
      ['2026-11-20', '応募（オンライン自主応募）', '青木の職種2', '応募中'],
    ]);
    expect(rows[0]![8]).toBe('2026-11-24');
    expect(rows[1]![6]).toBe('2026-11-21');
    expect(rows.map((r) => r[2])).toEqual([alice.jobNumbers[2], alice.jobNumbers[0], alice.jobNumbers[1]]);
    const all = records.flat().join('\n');
    expect(all).not.toContain('別人');
    for (const n of bob.jobNumbers) expect(all).not.toContain(n);
  });

  it('HI-1 the CSV in English has English columns and labels', async () => {
    await alice.client.get('/locale?lang=en&next=/mypage/settings');
    const { res, bytes } = await fetchFile(alice.client, '/mypage/settings/history/activity.csv');
    expect(res.headers.get('content-disposition')).toContain('job-search-history_2026-11-21.csv');
    const { records } = readCsvBytes(bytes);
    expect(records[0]?.[0]).toBe('Date');
    expect(records[2]?.[5]).toBe('Hired');
    await alice.client.get('/locale?lang=ja&next=/mypage/settings');
  });

  it('HI-1 HI-2 the PDF 「求職活動の記録」 holds the applications and the referral, and nobody else’s', async () => {
    const { res, bytes } = await fetchFile(alice.client, '/mypage/settings/history/activity.pdf');
    expectDownloadHeaders(res, 'application/pdf', /filename="job-search-record_2026-11-21\.pdf"/);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = (await pdfText(bytes)).replace(/[ \u3000]+/g, ' ');
    expect(text).toContain('求職活動の記録');
    expect(text).toContain('青木 花子');
    expect(text).toContain(alice.seeker.seeker.seekerNumber!);
    for (const n of alice.jobNumbers) expect(text).toContain(n);
    expect(text).toContain('青木の職種1');
    expect(text).toContain('青木の職種2');
    expect(text).toContain('青木の紹介求人');
    expect(text).toContain('採用（2026年11月21日）');
    expect(text).toContain('応募（オンライン自主応募）');
    expect(text).not.toContain('別人');
    for (const n of bob.jobNumbers) expect(text).not.toContain(n);
  });

  it('HI-4 the .ics has one VEVENT per booked interview of the seeker, none of another’s', async () => {
    const { res, text } = await fetchFile(alice.client, '/mypage/settings/history/interviews.ics');
    expectDownloadHeaders(res, 'text/calendar', /filename="interviews_2026-11-21\.ics"/);
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded).toContain('METHOD:PUBLISH');
    expect(unfolded).toContain('DTSTART:20261126T010000Z');
    expect(unfolded).toContain('DTSTART:20261127T010000Z');
    expect(unfolded).toContain('青木本社');
    expect(unfolded).not.toContain('別人');
    for (const id of alice.applicationIds) expect(unfolded).toContain(`/mypage/applications/${id}/messages`);
  });

  it('HI-5 お気に入り and the saved conditions as CSV, the seeker’s own only', async () => {
    const fav = await fetchFile(alice.client, '/mypage/settings/history/favorites.csv');
    expectDownloadHeaders(fav.res, 'text/csv', /filename="favourites_2026-11-21\.csv"/);
    const favorites = readCsvBytes(fav.bytes);
    expect(favorites.bom).toBe(true);
    expect(favorites.records).toEqual([
      ['登録日', '求人番号', '職種', '公開状況', 'URL'],
      [
        '2026-11-21',
        alice.jobNumbers[2],
        '青木の紹介求人',
        '公開中',
        `http://localhost/jobs/${alice.jobNumbers[2]}`,
      ],
    ]);

    const saved = await fetchFile(alice.client, '/mypage/settings/history/saved-searches.csv');
    expectDownloadHeaders(saved.res, 'text/csv', /filename="saved-searches_2026-11-21\.csv"/);
    const searches = readCsvBytes(saved.bytes).records;
    expect(searches[0]).toEqual(['名前', '保存日', '検索条件', 'URL']);
    expect(searches).toHaveLength(2);
    expect(searches[1]?.slice(0, 3)).toEqual([
      '青木の条件',
      '2026-11-21',
      'keyword=青木 介護 / prefecture=13',
    ]);
    expect(searches[1]?.[3]).toMatch(/^http:\/\/localhost\/jobs\?keyword=/);
    expect(fav.text + saved.text).not.toContain('別人');
  });

  it('HI-5 a seeker with nothing recorded gets the header rows, an empty calendar and a PDF that says so', async () => {
    const lone = await createSeeker(ctx.deps);
    const c = ctx.client(`198.51.116.${ip++}`);
    await signInAs(c, 'seeker', lone.email, lone.password);
    const csv = readCsvBytes((await fetchFile(c, '/mypage/settings/history/activity.csv')).bytes);
    expect(csv.records).toHaveLength(1);
    const ics = (await fetchFile(c, '/mypage/settings/history/interviews.ics')).text;
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).not.toContain('BEGIN:VEVENT');
    const pdf = await pdfText((await fetchFile(c, '/mypage/settings/history/activity.pdf')).bytes);
    expect(pdf).toContain('記録された応募・紹介はありません。');
  });

  it('G-2 the downloads need a signed-in seeker: anonymous visitors and employers do not get them', async () => {
    const anonymous = ctx.client(`198.51.116.${ip++}`);
    const res = await anonymous.raw('/mypage/settings/history/activity.csv');
    expect(res.status).toBe(303);
    const employer = await createEmployer(ctx.deps, { opened: true });
    const ec = ctx.client(`198.51.116.${ip++}`);
    await signInAs(ec, 'employer', employer.email, employer.password);
    expect((await ec.raw('/mypage/settings/history/activity.csv')).status).toBe(403);
  });
});
