/**
 * Row C1 (the IDOR matrix): eight principals, each signed in through the real form on its own client
 * address, and the objects of seeker A, employer X and office 13010 made through the real use cases
 * and forms: jobs (open, two referral targets, 公開範囲 private, submitted and not accepted), a 職業相談,
 * two referrals (one applied to) and their inbox notice, an オンライン自主応募 with a document and a 応募（ハローワーク紹介）
 * with its 紹介状, a thread with a message and a booked interview, a saved search with its alert and
 * stop link, a favourite. Seeker B holds one application to employer Y's job, so nested ids (B's
 * application with A's offer or document) can be tried.
 *
 * Every private thing of A and X carries a marker (random hex) that a response to a principal who may
 * not see it must never contain (`markers`).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { VirusScanner } from '../../../src/adapters/virus-scan/virus-scanner.ts';
import {
  applicationDocuments,
  inboxMessages,
  interviewOffers,
  referrals,
  savedSearches,
} from '../../../src/db/schema/index.ts';
import { recordCounselling } from '../../../src/modules/counselling/record-counselling.ts';
import { sendReferrals } from '../../../src/modules/referrals/send-referrals.ts';
import { alertStopToken } from '../../../src/modules/search/alerts.rules.ts';
import { addDays, tokyoDate } from '../../../src/platform/dates.ts';
import { createJobFor } from '../../integration/jobs-fixtures.ts';
import { applyAt, file } from '../../support/apply-form.ts';
import { createApplication, createEmployer, createSeeker, createStaff } from '../../support/factories.ts';
import type { TestClient } from '../../support/http.ts';
import { signInAs } from '../../support/sign-in.ts';
import type { TestContext } from '../../support/test-app.ts';
import { pdf } from '../../support/upload-corpus.ts';
import { canary } from './context.ts';

export const PRINCIPALS = [
  'anonymous',
  'seekerA',
  'seekerB',
  'netonly',
  'employerX',
  'employerY',
  'staff1',
  'staff2',
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];
export type Role = 'anonymous' | 'seeker' | 'employer' | 'staff';

export const ROLE_OF: Record<PrincipalName, Role> = {
  anonymous: 'anonymous',
  seekerA: 'seeker',
  seekerB: 'seeker',
  netonly: 'seeker',
  employerX: 'employer',
  employerY: 'employer',
  staff1: 'staff',
  staff2: 'staff',
};

export interface Principal {
  name: PrincipalName;
  role: Role;
  client: TestClient;
  /** The CSRF token of this client's session, sent with every POST so only the guards can refuse. */
  csrf: string;
}

/** A scanner that answers clean for every file: documents become deliverable, so the owner's download is a positive control. */
export const cleanScanner: VirusScanner = {
  kind: 'clamd',
  async scan(input) {
    if (input instanceof Readable) for await (const _ of input);
    return { kind: 'clean' };
  },
  ping: async () => true,
};

const hex = () => randomBytes(5).toString('hex');

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld(ctx: TestContext) {
  const { deps } = ctx;
  const m = {
    seekerName: `A${hex()}`,
    motivation: `M${hex()}`,
    message: `T${hex()}`,
    searchName: `S${hex()}`,
    document: `D${hex()}`,
    privateTitle: `J${hex()}`,
  };
  const seekerA = await createSeeker(deps, { name: `試験 ${m.seekerName}`, password: canary('password') });
  const seekerB = await createSeeker(deps, { password: canary('password') });
  const netonly = await createSeeker(deps, { kind: 'internet', password: canary('password') });
  const employerX = await createEmployer(deps);
  const employerY = await createEmployer(deps);
  const staff1 = await createStaff(deps, { officeCode: '13010' });
  const staff2 = await createStaff(deps, { officeCode: '13020' });

  let ip = 1;
  const principals = {} as Record<PrincipalName, Principal>;
  const logins: Record<
    PrincipalName,
    [Exclude<Role, 'anonymous'>, { email: string; password: string }] | null
  > = {
    anonymous: null,
    seekerA: ['seeker', seekerA],
    seekerB: ['seeker', seekerB],
    netonly: ['seeker', netonly],
    employerX: ['employer', employerX],
    employerY: ['employer', employerY],
    staff1: ['staff', staff1],
    staff2: ['staff', staff2],
  };
  for (const name of PRINCIPALS) {
    const client = ctx.client(`198.51.115.${ip++}`);
    const login = logins[name];
    if (login) await signInAs(client, login[0], login[1].email, login[1].password);
    // A page with a form of this session: its token is the one every POST of the matrix carries.
    principals[name] = { name, role: ROLE_OF[name], client, csrf: await tokenOf(client, ROLE_OF[name]) };
  }
  for (const p of Object.values(principals)) {
    for (const value of p.client.cookies.values()) canary('session-id', value);
  }

  // X's 求人票 through the employer's use case, accepted by office 13010 (ST-3).
  const open = await createJobFor(deps, employerX.employer.id, { overrides: { title: '介護職員（公開）' } });
  const target = await createJobFor(deps, employerX.employer.id, {
    overrides: { title: '介護職員（紹介）' },
  });
  const target2 = await createJobFor(deps, employerX.employer.id, {
    overrides: { title: '介護職員（紹介2）' },
  });
  const hidden = await createJobFor(deps, employerX.employer.id, {
    overrides: { title: `介護職員 ${m.privateTitle}`, publicationScope: 'private' },
  });
  const submitted = await createJobFor(deps, employerX.employer.id, {
    overrides: { title: `介護職員 ${m.privateTitle} 申込中` },
    accept: false,
  });

  // A 職業相談 by the home office, then a referral of the target job (OR-1), with its inbox notice.
  const today = tokyoDate(ctx.clock.now());
  const counselled = await recordCounselling(deps, {
    seekerId: seekerA.seeker.id,
    staffId: staff1.staff.id,
    staffAccountId: staff1.account.id,
    data: { heldOn: addDays(today, -1), desiredConditions: '介護職・千代田区', notes: '' },
  });
  expect(counselled.ok).toBe(true);
  const sent = await sendReferrals(deps, {
    seekerId: seekerA.seeker.id,
    staff: { id: staff1.staff.id, officeCode: '13010', accountId: staff1.account.id },
    jobNumbers: [target.jobNumber!, target2.jobNumber!],
    batchId: randomUUID(),
  });
  expect(sent.ok && sent.sent.length).toBe(2);
  await ctx.drain();
  const referralOf = async (jobId: number) =>
    (
      await ctx.db
        .select({ id: referrals.id })
        .from(referrals)
        .where(and(eq(referrals.seekerId, seekerA.seeker.id), eq(referrals.jobId, jobId)))
    )[0]!;
  const referral = await referralOf(target.id);
  const openReferral = await referralOf(target2.id);
  const [inbox] = await ctx.db
    .select({ id: inboxMessages.id })
    .from(inboxMessages)
    .where(eq(inboxMessages.recipientAccountId, seekerA.account.id));

  // A applies both ways through the forms, each with a 履歴書 (scanned clean by the worker).
  const a = principals.seekerA.client;
  const docText = canary('document-text', `Shokumu keireki ${m.document}`);
  const resume = () => file(1, `履歴書-${m.document}.pdf`, pdf({ text: docText }));
  const motivation = { name: 'motivation', value: `志望動機 ${m.motivation}` };
  const direct = await applyAt(a, `/mypage/jobs/${open.jobNumber}/apply`, resume(), { parts: [motivation] });
  const referred = await applyAt(a, `/mypage/referrals/${referral.id}/apply`, resume(), {
    parts: [motivation],
  });
  await ctx.drain();
  const [document] = await ctx.db
    .select({ id: applicationDocuments.id, status: applicationDocuments.scanState })
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, direct));
  expect(document?.status).toBe('clean');

  // The thread, after the processing window (MS-2): a message, two slots offered, one booked.
  ctx.clock.advance(10 * 60_000);
  const thread = `/mypage/applications/${direct}/messages`;
  const messageForm = (await a.get(thread)).hiddenForm('#message-form');
  const wrote = await a.post(messageForm.action, {
    ...messageForm.fields,
    body: `面接について ${m.message}`,
  });
  expect(wrote.status, 'message written').toBe(303);
  const x = principals.employerX.client;
  const offerForm = (await x.get(`/employer/applications/${direct}/messages`)).hiddenForm('#offer-form');
  const offered = await x.post(offerForm.action, {
    ...offerForm.fields,
    mode: 'in_person',
    place: '東京都千代田区千代田1-1',
    duration: '60',
    note: '',
    slot_0_date: '2026-11-25',
    slot_0_time: '10:00',
    slot_1_date: '2026-11-26',
    slot_1_time: '14:30',
  });
  expect(offered.status, 'slots offered').toBe(303);
  const bookPage = await a.get(thread);
  const bookForm = bookPage.hiddenForm('#book-form');
  const slot = bookPage.dom.querySelector('#book-form input[name="slot"]')?.getAttribute('value') ?? '';
  const booked = await a.post(bookForm.action, { ...bookForm.fields, slot, note: '' });
  expect(booked.status, 'slot booked').toBe(303);
  const [offer] = await ctx.db
    .select({ id: interviewOffers.id })
    .from(interviewOffers)
    .where(and(eq(interviewOffers.applicationId, direct), eq(interviewOffers.state, 'booked')));

  // A saved search with its alert on, and a favourite (SR-2, SR-3, AL).
  await a.get('/mypage/searches');
  expect((await a.post('/mypage/searches', { name: m.searchName, query: 'kw=介護' })).status).toBe(303);
  const [saved] = await ctx.db
    .select({ id: savedSearches.id })
    .from(savedSearches)
    .where(eq(savedSearches.seekerId, seekerA.seeker.id));
  expect((await a.post(`/mypage/searches/${saved!.id}/alert`, { frequency: 'daily' })).status).toBe(303);
  expect((await a.post('/mypage/favorites', { jobNumber: open.jobNumber! })).status).toBe(303);

  // B's own application to Y's job: B owns that id, but not A's offer or document under it.
  const other = await createApplication(deps, { seekerId: seekerB.seeker.id, employer: employerY.employer });

  // The clock moved: fresh tokens for every session (the world's own requests replaced lastPage).
  for (const p of Object.values(principals)) p.csrf = await tokenOf(p.client, p.role);

  return {
    principals,
    markers: m,
    people: { seekerA, seekerB, netonly, employerX, employerY, staff1, staff2 },
    jobs: { open, target, hidden, submitted },
    ids: {
      direct,
      referred,
      referral: referral.id,
      openReferral: openReferral.id,
      inbox: inbox!.id,
      document: document!.id,
      offer: offer!.id,
      saved: saved!.id,
      stopToken: alertStopToken(deps.secret, saved!.id),
      otherApplication: other.application.id,
    },
  };
}

const HOME: Record<Role, string> = {
  anonymous: '/login',
  seeker: '/mypage',
  employer: '/employer',
  staff: '/staff',
};

/** The CSRF token of the client's session, read from its portal's home page (the ログアウト form). */
export async function tokenOf(client: TestClient, role: Role): Promise<string> {
  const page = await client.get(HOME[role]);
  const token = page.csrf();
  if (!token) throw new Error(`no CSRF token on ${HOME[role]} (${page.status})`);
  return token;
}
