/**
 * The upload attack set through the apply form itself (SPEC AP-1, AP-2, AP-3, G-1; issue 11): each
 * file is posted to /mypage/jobs/:number/apply as a browser would, streamed; every refusal is a 400
 * page with the message next to the file's field, the typed 志望動機 kept, and no document row and
 * no stored file left behind. Then the scan (AP-5) with a real clamd: a clean file reaches the
 * employer, the EICAR file is withheld, its bytes deleted, and the seeker is told.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationDocuments, applications } from '../../src/db/schema/index.ts';
import { applyWithDocuments, file, formParts, MOTIVATION, post } from '../support/apply-form.ts';
import { type Clamd, EICAR_FINDING, eicar, startClamd } from '../support/clamd.ts';
import { createEmployer, createJob, createSeeker } from '../support/factories.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import {
  attackSet,
  chunkedStream,
  cutBody,
  endlessBody,
  multipartBody,
  partHead,
  pdf,
  png,
} from '../support/upload-corpus.ts';

let ctx: TestContext;
let clamd: Clamd;
/** Where the form's files wait while they are checked (UPLOAD_SPOOL_DIR): empty after every request. */
let spoolDir: string;
beforeAll(async () => {
  clamd = await startClamd();
  spoolDir = await mkdtemp(path.join(tmpdir(), 'hw-spool-'));
  ctx = await createTestContext({ virusScanner: clamd.scanner(), env: { UPLOAD_SPOOL_DIR: spoolDir } });
});
afterAll(async () => {
  await ctx?.close();
  await clamd?.stop();
  if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
});

let ip = 10;
async function seekerClient() {
  const seeker = await createSeeker(ctx.deps);
  const c = ctx.client(`198.51.100.${ip++}`);
  await signInAs(c, 'seeker', seeker.email, seeker.password);
  return { seeker, c };
}

async function jobTakingDocuments() {
  const employer = await createEmployer(ctx.deps);
  const job = await createJob(
    ctx.deps,
    { documentMethods: ['mypage', 'post'], acceptsOnlineApplication: true },
    employer.employer,
  );
  return { employer, job };
}

async function storedFiles(): Promise<string[]> {
  const dir = ctx.deps.config.storageDir;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('AP-2 AP-3 the attack set through the apply form', () => {
  it('AP-2 AP-3 G-1 every attack is a 400 with its message next to the file, the text kept, nothing stored', async () => {
    const { c, seeker } = await seekerClient();
    const { job } = await jobTakingDocuments();
    const url = `/mypage/jobs/${job.jobNumber}/apply`;
    const before = (await storedFiles()).length;
    const attacks = attackSet().filter((a) => a.refusal !== null);
    expect(attacks.length).toBeGreaterThanOrEqual(30);
    const wronglyAccepted: string[] = [];
    for (const attack of attacks) {
      const form = await c.get(url);
      const res = await post(c, url, multipartBody(formParts(form, file(1, attack.name, attack.bytes()))));
      if (res.status !== 400) wronglyAccepted.push(`${attack.label}: ${res.status}`);
      // A name the part header cannot carry (a raw NUL) makes the part malformed: the message is the form's.
      const error =
        res.text('#f-document_1-error') ||
        res.text('#f-document_1_kind-error') ||
        res.text('#documents-error');
      expect(error, attack.label).not.toBe('');
      expect(res.text('#f-motivation'), attack.label).toBe(MOTIVATION);
    }
    expect(wronglyAccepted).toEqual([]);
    const rows = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.seekerId, seeker.seeker.id));
    expect(rows).toEqual([]);
    expect(await storedFiles()).toHaveLength(before);
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it('AP-2 exactly 2,097,152 bytes are accepted and one byte more is refused with the seed’s limit', async () => {
    const { c, seeker } = await seekerClient();
    const { job } = await jobTakingDocuments();
    const url = `/mypage/jobs/${job.jobNumber}/apply`;
    const before = (await storedFiles()).length;
    const over = await post(
      c,
      url,
      multipartBody(formParts(await c.get(url), file(1, 'big.pdf', pdf({ size: 2_097_153 })))),
    );
    expect(over.status).toBe(400);
    expect(over.text('#f-document_1-error')).toContain('2MB');
    const exact = await post(
      c,
      url,
      multipartBody(formParts(await c.get(url), file(1, '履歴書.pdf', pdf({ size: 2_097_152 })))),
    );
    expect(exact.status).toBe(303);
    const rows = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.seekerId, seeker.seeker.id));
    expect(rows.map((r) => [r.originalName, r.size, r.fileType])).toEqual([['履歴書.pdf', 2_097_152, 'pdf']]);
    expect(await storedFiles()).toHaveLength(before + 1);
    // Stored from its spool file, which is gone.
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it('AP-2 a fifth file is refused; the four kept stay with the draft through the failed step', async () => {
    const { c, seeker } = await seekerClient();
    const { job } = await jobTakingDocuments();
    const url = `/mypage/jobs/${job.jobNumber}/apply`;
    const files = [1, 2, 3, 4, 5].flatMap((n) => file(n, `書類${n}.png`, png()));
    const before = (await storedFiles()).length;
    const res = await post(c, url, multipartBody(formParts(await c.get(url), files)));
    expect(res.status).toBe(400);
    expect(res.text('main')).toContain('最大4点');
    const rows = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.seekerId, seeker.seeker.id));
    expect(rows.length).toBeLessThanOrEqual(4);
    expect((await storedFiles()).length - before).toBe(rows.length);
  });

  it('AP-2 names with ../, NUL, an RTL override or 300 characters are shown normalised and never used as a path', async () => {
    const { c, seeker } = await seekerClient();
    const { job } = await jobTakingDocuments();
    const url = `/mypage/jobs/${job.jobNumber}/apply`;
    const names = ['../../etc/passwd.pdf', `cv\u202Efdp.exe.pdf`, `${'あ'.repeat(300)}.pdf`];
    const res = await post(
      c,
      url,
      multipartBody(
        formParts(
          await c.get(url),
          names.flatMap((n, i) => file(i + 1, n, pdf())),
        ),
      ),
    );
    expect(res.status).toBe(303);
    const rows = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.seekerId, seeker.seeker.id));
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      for (const ch of ['/', '\\', '\u0000', '\u202E']) expect(r.originalName).not.toContain(ch);
      expect([...r.originalName].length).toBeLessThanOrEqual(100);
      expect(r.originalName.endsWith('.pdf')).toBe(true);
      expect(r.storageKey).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    }
    for (const f of await storedFiles()) expect(f.startsWith(ctx.deps.config.storageDir)).toBe(true);
  });

  it('AP-2 an empty file is refused', async () => {
    const { c } = await seekerClient();
    const { job } = await jobTakingDocuments();
    const url = `/mypage/jobs/${job.jobNumber}/apply`;
    const res = await post(
      c,
      url,
      multipartBody(formParts(await c.get(url), file(1, 'empty.pdf', new Uint8Array()))),
    );
    expect(res.status).toBe(400);
    expect(res.text('#f-document_1-error')).toContain('空');
  });

  it('AP-2 a 100 MB chunked body is cut off (the text kept, nothing stored), and so is a body cut off mid-file', async () => {
    const { c, seeker } = await seekerClient();
    const { job } = await jobTakingDocuments();
    const url = `/mypage/jobs/${job.jobNumber}/apply`;
    const before = (await storedFiles()).length;
    const form = await c.get(url);
    const head = Buffer.concat([
      ...formParts(form, [])
        .slice(0, 5)
        .map((p) => Buffer.concat([partHead(p), Buffer.from(`${(p as { value: string }).value}\r\n`)])),
      partHead({ name: 'document_1_kind', value: 'resume' }),
      Buffer.from('resume\r\n'),
      partHead({ name: 'document_1', filename: 'huge.pdf', data: new Uint8Array() }),
    ]);
    const endless = endlessBody(head, 100 * 1024 * 1024);
    const huge = await post(c, url, endless.stream);
    expect(huge.status).toBe(400);
    expect(endless.pulled()).toBeLessThan(20 * 1024 * 1024);
    expect(huge.text('#f-motivation')).toBe(MOTIVATION);

    const whole = multipartBody(formParts(await c.get(url), file(1, '履歴書.pdf', pdf({ size: 500_000 }))));
    const cut = await post(c, url, cutBody(whole, 300_000));
    expect(cut.status).toBe(400);
    expect(cut.text('#documents-error')).not.toBe('');
    const rows = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.seekerId, seeker.seeker.id));
    expect(rows).toEqual([]);
    expect(await storedFiles()).toHaveLength(before);
    // A chunked body of the right size still works.
    const ok = await post(
      c,
      url,
      chunkedStream(multipartBody(formParts(await c.get(url), file(1, '履歴書.pdf', pdf())))),
    );
    expect(ok.status).toBe(303);
  });

  it('AP-4 a job that does not take documents through MyPage offers no upload and stores none sent anyway', async () => {
    const { c, seeker } = await seekerClient();
    const employer = await createEmployer(ctx.deps);
    const job = await createJob(
      ctx.deps,
      { documentMethods: ['post'], acceptsOnlineApplication: true },
      employer.employer,
    );
    const url = `/mypage/jobs/${job.jobNumber}/apply`;
    const form = await c.get(url);
    expect(form.dom.querySelector('input[type="file"]')).toBeNull();
    expect(form.text('#no-mypage-documents')).toContain('求職者マイページからの登録');
    const before = (await storedFiles()).length;
    const res = await post(c, url, multipartBody(formParts(form, file(1, '履歴書.pdf', pdf()))));
    expect(res.status).toBe(303);
    const rows = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.seekerId, seeker.seeker.id));
    expect(rows).toEqual([]);
    expect((await storedFiles()).length).toBe(before);
  });
});

describe('AP-5 scanning before delivery, with a real clamd', () => {
  it('AP-5 EM-1 the clean file reaches the employer; the EICAR file is withheld, its bytes deleted, and the seeker told', async () => {
    const { c, seeker } = await seekerClient();
    const { job, employer } = await jobTakingDocuments();
    // The EICAR string inside a well-formed PDF's content stream: the PDF passes its checks, clamd finds it.
    const infected = pdf({ text: eicar().toString('latin1') });
    const id = await applyWithDocuments(c, job.jobNumber, [
      ...file(1, '履歴書.pdf', pdf()),
      ...file(2, '職務経歴書.pdf', infected, 'work_history'),
    ]);

    const emp = ctx.client('198.51.100.200');
    await signInAs(emp, 'employer', employer.email, employer.password);
    // Before the scan: both 確認中, nothing downloadable.
    const pending = await emp.get(`/employer/applications/${id}`);
    expect(pending.dom.querySelectorAll('#document-list a')).toHaveLength(0);
    const docs = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, id));
    for (const d of docs)
      expect((await emp.get(`/employer/applications/${id}/documents/${d.id}`)).status).toBe(404);

    const withheldKey = docs.find((d) => d.originalName === '職務経歴書.pdf')!.storageKey!;
    expect(await ctx.deps.storage.exists(withheldKey)).toBe(true);
    await ctx.drain();
    const after = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, id));
    const clean = after.find((d) => d.originalName === '履歴書.pdf')!;
    const withheld = after.find((d) => d.originalName === '職務経歴書.pdf')!;
    expect(clean.scanState).toBe('clean');
    expect(withheld).toMatchObject({ scanState: 'withheld', scanFinding: EICAR_FINDING, storageKey: null });
    expect(await ctx.deps.storage.exists(withheldKey)).toBe(false);
    expect(await ctx.deps.storage.exists(clean.storageKey!)).toBe(true);

    const download = await emp.get(`/employer/applications/${id}/documents/${clean.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''%E5%B1%A5%E6%AD%B4%E6%9B%B8.pdf",
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('cache-control')).toContain('no-store');
    expect((await emp.get(`/employer/applications/${id}/documents/${withheld.id}`)).status).toBe(404);
    const page = await emp.get(`/employer/applications/${id}`);
    expect(page.text('#document-list')).toContain('ウイルスの疑いがあるため送付されませんでした');

    const [app] = await ctx.db.select().from(applications).where(eq(applications.id, id));
    expect(app!.state).toBe('applied');
    const inbox = await c.get('/mypage/messages');
    expect(inbox.text('main')).toContain('応募書類を送ることができませんでした');
    const mail = ctx.mailbox.last(seeker.email);
    expect(mail?.text).toContain('職務経歴書.pdf');
    expect(mail?.text).toContain('別の方法でお送りください');

    // Another employer cannot download even the clean one.
    const other = await createEmployer(ctx.deps);
    const otherClient = ctx.client('198.51.100.201');
    await signInAs(otherClient, 'employer', other.email, other.password);
    expect((await otherClient.get(`/employer/applications/${id}/documents/${clean.id}`)).status).toBe(404);
  });
});
