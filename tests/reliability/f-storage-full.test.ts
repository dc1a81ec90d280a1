/**
 * Row F4 (issue 15): the file storage full or failing while a seeker applies with documents. The
 * test app's storage is the real disk adapter inside a fault-injecting wrapper
 * (support/faults-storage.ts): ENOSPC (or EDQUOT) once a budget of bytes is spent — at the first
 * byte, inside the first file, inside the second — and EIO half-way through the 1st or 2nd file of
 * a request, on a new draft and on a draft that already holds a document. Each time: a calm 503
 * page in Japanese with Retry-After (no stack, no error code), no file left on the disk from that
 * request (no temporary file, no complete file no row names), no row (draft, document,
 * application) beyond what was there before; then the fault clears and the same apply (the same
 * form, the same draft key) goes through with its documents intact.
 *
 * Other files: the 紹介状 PDF and the history downloads are rendered in memory and sent, never
 * written to the file storage, so storage faults cannot touch them (no case here).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskStorage } from '../../src/adapters/storage/disk-storage.ts';
import { applicationDocuments, applicationDrafts, applications } from '../../src/db/schema/index.ts';
import { reapplyErasures } from '../../src/modules/applications/reapply-erasures.ts';
import { file, formParts, post } from '../support/apply-form.ts';
import { createEmployer, createJob, createSeeker } from '../support/factories.ts';
import type { Page, TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import type { TestContext } from '../support/test-app.ts';
import { multipartBody, pdf } from '../support/upload-corpus.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { type FaultCode, type FaultyStorage, faultyStorage } from './support/faults-storage.ts';
import { report } from './support/report.ts';

const FILE_BYTES = 12 * 1024;
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

let ctx: TestContext;
let storage: FaultyStorage;
let storageDir: string;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'hw-f4-files-'));
  storage = faultyStorage(createDiskStorage(storageDir));
  ctx = await reliabilityContext({ storage });
});
afterAll(async () => {
  await ctx?.close();
  await rm(storageDir, { recursive: true, force: true });
});

async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

async function rowsOf(seekerId: string) {
  const [drafts, documents, applied] = await Promise.all([
    ctx.db.select().from(applicationDrafts).where(eq(applicationDrafts.seekerId, seekerId)),
    ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.seekerId, seekerId)),
    ctx.db.select().from(applications).where(eq(applications.seekerId, seekerId)),
  ]);
  return { drafts, documents, applied };
}

/** What a calm storage-failure page is: 503 or 507, Japanese, Retry-After, no stack or error code. */
function calmProblems(page: Page): string[] {
  const problems: string[] = [];
  if (page.status !== 503 && page.status !== 507) problems.push(`status ${page.status}`);
  if (!page.headers.get('retry-after')) problems.push('no Retry-After');
  if (!/<html lang="ja"/.test(page.html)) problems.push('not a Japanese page');
  if (page.h1() !== 'ただいま混み合っています') problems.push(`h1 ${page.h1()}`);
  for (const leak of ['ENOSPC', 'EDQUOT', 'EIO', 'Error', '    at ', 'node:', '/src/', storageDir]) {
    if (page.html.includes(leak)) problems.push(`shows ${leak}`);
  }
  return problems;
}

interface Fault {
  name: string;
  code: FaultCode;
  inject(s: FaultyStorage): void;
  /** The draft already holds one stored document when the failing request comes. */
  existingDraft?: boolean;
}

const FAULTS: Fault[] = [
  ...[0, 1, 511, 4096, FILE_BYTES - 1, FILE_BYTES, FILE_BYTES + 100, 2 * FILE_BYTES - 1].map(
    (bytes): Fault => ({
      name: `ENOSPC with ${bytes} bytes of room`,
      code: 'ENOSPC',
      inject: (s) => s.failAfterBytes(bytes, 'ENOSPC'),
    }),
  ),
  {
    name: 'EDQUOT inside the second file',
    code: 'EDQUOT',
    inject: (s) => s.failAfterBytes(FILE_BYTES + 7, 'EDQUOT'),
  },
  { name: 'EIO half-way through the first file', code: 'EIO', inject: (s) => s.failOnPut(1, 'EIO') },
  { name: 'EIO half-way through the second file', code: 'EIO', inject: (s) => s.failOnPut(2, 'EIO') },
  {
    name: 'ENOSPC on a draft that holds a document',
    code: 'ENOSPC',
    inject: (s) => s.failAfterBytes(FILE_BYTES + 100, 'ENOSPC'),
    existingDraft: true,
  },
  {
    name: 'EIO on a draft that holds a document',
    code: 'EIO',
    inject: (s) => s.failOnPut(2, 'EIO'),
    existingDraft: true,
  },
];

describe('F4 storage full or failing during an apply with documents', () => {
  it('answers a calm 503, leaves no partial file and no dangling row, and the same apply succeeds afterwards', async () => {
    const secretText = canary('document-text');
    const password = canary('password');
    const seeker = await createSeeker(ctx.deps, { password });
    const employer = await createEmployer(ctx.deps);
    const c: TestClient = ctx.client();
    await signInAs(c, 'seeker', seeker.email, password);
    const documentsOf = (tag: string) =>
      ['resume', 'work_history'].map((kind, n) => {
        const data = pdf({ size: FILE_BYTES, text: `${secretText} F4 ${tag} ${n}` });
        return { kind, name: `${kind}-${tag}.pdf`, data, sha256: sha256(data) };
      });

    const problems: string[] = [];
    let other5xx = 0;
    let partialFiles = 0;
    let danglingRows = 0;
    let orphanFiles = 0;
    let lastFailed: { url: string; form: Page; docs: ReturnType<typeof documentsOf> } | undefined;

    for (const [i, fault] of FAULTS.entries()) {
      const job = await createJob(
        ctx.deps,
        { documentMethods: ['mypage'], acceptsOnlineApplication: true },
        employer.employer,
      );
      const url = `/mypage/jobs/${job.jobNumber}/apply`;
      const form = await c.get(url);
      expect(form.status).toBe(200);
      if (fault.existingDraft) {
        const first = documentsOf(`${i}-kept`).slice(0, 1);
        const kept = await post(
          c,
          url,
          multipartBody(
            formParts(
              form,
              first.flatMap((d, n) => file(n + 1, d.name, d.data, d.kind)),
            ),
          ),
        );
        expect(kept.status, fault.name).toBe(303);
      }
      const before = { rows: await rowsOf(seeker.seeker.id), files: await filesOnDisk() };
      const injectedBefore = storage.injected;
      fault.inject(storage);
      const docs = documentsOf(String(i));
      const page = await post(
        c,
        url,
        multipartBody(
          formParts(
            form,
            docs.flatMap((d, n) => file(n + 1, d.name, d.data, d.kind)),
          ),
        ),
      );
      storage.clear();
      const after = { rows: await rowsOf(seeker.seeker.id), files: await filesOnDisk() };

      if (storage.injected === injectedBefore) problems.push(`${fault.name}: no fault was hit`);
      if (page.status >= 500 && page.status !== 503 && page.status !== 507) other5xx++;
      for (const p of calmProblems(page)) problems.push(`${fault.name}: ${p}`);
      const partial = after.files.filter((f) => f.startsWith('.tmp-'));
      partialFiles += partial.length;
      const newFiles = after.files.filter((f) => !f.startsWith('.tmp-') && !before.files.includes(f));
      orphanFiles += newFiles.length;
      const grew = (k: keyof typeof before.rows) => after.rows[k].length - before.rows[k].length;
      const dangling =
        Math.max(0, grew('drafts')) + Math.max(0, grew('documents')) + Math.max(0, grew('applied'));
      danglingRows += dangling;
      // What was there before is still there, whole: the kept document's row and bytes.
      for (const d of before.rows.documents) {
        const still = after.rows.documents.find((x) => x.id === d.id);
        if (!still || still.storageKey !== d.storageKey)
          problems.push(`${fault.name}: document ${d.id} changed`);
        else if (!(await storage.exists(d.storageKey!)))
          problems.push(`${fault.name}: bytes of ${d.id} gone`);
      }
      if (dangling || partial.length || newFiles.length) {
        problems.push(
          `${fault.name}: ${dangling} new rows, ${partial.length} partial, ${newFiles.length} orphan files`,
        );
      }
      lastFailed = { url, form, docs };
      // Every case but the last is finished now, so that the next starts on a clean slate of drafts.
      if (i < FAULTS.length - 1 && fault.existingDraft) {
        const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
        const sent = await post(c, url, multipartBody(formParts(form, [])));
        expect(sent.status).toBe(303);
        await c.get(sent.location!);
        expect((await c.post(`${url}/submit`, { draft: key })).status).toBe(303);
      }
    }

    // The fault has cleared: the same form (its draft key) is sent again and goes through.
    const { url, form, docs } = lastFailed!;
    const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
    const again = await post(
      c,
      url,
      multipartBody(
        formParts(
          form,
          docs.flatMap((d, n) => file(n + 1, d.name, d.data, d.kind)),
        ),
      ),
    );
    expect(again.status).toBe(303);
    const confirm = await c.get(again.location!);
    expect(confirm.status).toBe(200);
    const submitted = await c.post(`${url}/submit`, { draft: key });
    expect(submitted.status).toBe(303);
    const applicationId = /^\/mypage\/applications\/([0-9a-f-]{36})/.exec(submitted.location ?? '')?.[1];
    expect(applicationId).toBeDefined();
    const attached = (await rowsOf(seeker.seeker.id)).documents.filter(
      (d) => d.applicationId === applicationId,
    );
    // The kept document of that draft, and the two sent after the fault.
    expect(attached.map((d) => d.sha256).sort()).toEqual(expect.arrayContaining(docs.map((d) => d.sha256)));
    expect(attached).toHaveLength(3);
    for (const d of attached) {
      const bytes = await readFile(path.join(storageDir, d.storageKey!.slice(0, 2), d.storageKey!));
      expect(sha256(bytes)).toBe(d.sha256);
    }
    const recovered = true;

    // Every file on the disk belongs to a row; no temporary file anywhere.
    const named = new Set((await rowsOf(seeker.seeker.id)).documents.map((d) => d.storageKey));
    const leftover = (await filesOnDisk()).filter((f) => !named.has(f));

    expect(problems).toEqual([]);
    expect(other5xx).toBe(0);
    expect(partialFiles).toBe(0);
    expect(orphanFiles).toBe(0);
    expect(danglingRows).toBe(0);
    expect(leftover).toEqual([]);
    expect(ctx.logs.some((l) => JSON.stringify(l).includes('file storage failed'))).toBe(true);
    report(
      'F4',
      `apply with 2 documents while the storage fails: ENOSPC/EDQUOT at ${FAULTS.filter((f) => f.code !== 'EIO').length} byte budgets, EIO in the 1st/2nd file, on new drafts and on a draft holding a document; then the fault clears and the same form is sent again`,
      {
        cases: FAULTS.length,
        faultsInjected: storage.injected,
        other5xx,
        partialFiles,
        orphanFiles,
        danglingRows,
        recovered,
      },
      'every failing request a calm 503 (Japanese, Retry-After, no stack); 0 partial files, 0 orphan files, 0 dangling rows; the same apply succeeds afterwards',
    );
  });

  it('削除 of a draft document while deletes fail: the page still answers, the erasure is in the ledger, reapply-erasures ends it', async () => {
    const password = canary('password');
    const seeker = await createSeeker(ctx.deps, { password });
    const c = ctx.client();
    await signInAs(c, 'seeker', seeker.email, password);
    const job = await createJob(ctx.deps, { documentMethods: ['mypage'], acceptsOnlineApplication: true });
    const url = `/mypage/jobs/${job.jobNumber}/apply`;
    const form = await c.get(url);
    const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
    const data = pdf({ size: FILE_BYTES, text: canary('document-text') });
    expect((await post(c, url, multipartBody(formParts(form, file(1, 'resume.pdf', data))))).status).toBe(
      303,
    );
    const [doc] = (await rowsOf(seeker.seeker.id)).documents;
    expect(doc?.storageKey).toBeTruthy();

    storage.failDeletes('EIO');
    const injectedBefore = storage.injected;
    await c.get(`${url}?draft=${key}`);
    const page = await c.post(url, { draft: key, motivation: '', remarks: '', remove: doc!.id });
    storage.clear();
    const injected = storage.injected - injectedBefore;
    const rows = await rowsOf(seeker.seeker.id);
    const stayed = (await filesOnDisk()).includes(doc!.storageKey!);

    // After the fault: the erasure the ledger holds is finished by reapply-erasures.
    const reapplied = await reapplyErasures(ctx.deps);
    const leftover = (await filesOnDisk()).includes(doc!.storageKey!);

    expect(injected).toBe(1);
    expect(page.status).toBe(200);
    expect(rows.documents).toEqual([]);
    expect(stayed).toBe(true);
    expect(reapplied.filesDeleted).toBe(1);
    expect(leftover).toBe(false);
    expect(ctx.logs.some((l) => JSON.stringify(l).includes('files of a draft not deleted'))).toBe(true);
    report(
      'F4',
      '削除 of a draft document while every storage delete fails with EIO; then reapply-erasures after the fault',
      {
        faultsInjected: injected,
        status: page.status,
        documentRowsLeft: rows.documents.length,
        bytesLeftUntilReapply: stayed,
        filesDeletedByReapply: reapplied.filesDeleted,
        orphanFilesAfter: leftover ? 1 : 0,
      },
      'the page answers (200, the draft saved without the document), 0 rows left; the bytes are in the deletion ledger and reapply-erasures deletes them: 0 orphan files',
    );
  });
});
