/**
 * The app on S3 storage, end to end (ADR 0037; SPEC AP-2, AP-5, EM-1, DR-1, DR-2): the test app is
 * configured with STORAGE_URL=s3://… pointing at a local s3rver (tests/support/s3.ts), so the
 * composition picks the S3 adapter as it would in production. A seeker applies with a document
 * through the form, clamd scans it, the employer downloads the same bytes, and the retention run
 * erases the object from the bucket, leaving no object and no unfinished upload.
 */
import { readdir } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationDocuments, applications, jobPostings } from '../../src/db/schema/index.ts';
import { runDocumentRetention } from '../../src/modules/applications/document-retention.job.ts';
import { applyWithDocuments, file } from '../support/apply-form.ts';
import { type Clamd, startClamd } from '../support/clamd.ts';
import { createEmployer, createJob, createSeeker } from '../support/factories.ts';
import { type LocalS3, startS3 } from '../support/s3.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { pdf } from '../support/upload-corpus.ts';

const PREFIX = 'mypage/documents';

let s3: LocalS3;
let clamd: Clamd;
let ctx: TestContext;
beforeAll(async () => {
  s3 = await startS3();
  clamd = await startClamd();
  ctx = await createTestContext({ virusScanner: clamd.scanner(), env: s3.env(PREFIX) });
});
afterAll(async () => {
  await ctx?.close();
  await clamd?.stop();
  await s3?.stop();
});

describe('AP-2 DR-2 the app with STORAGE_URL=s3://bucket/prefix', () => {
  it('AP-2 AP-5 EM-1 DR-2 an uploaded document is kept in the bucket, reaches the employer byte for byte, and the retention run deletes the object', async () => {
    expect(ctx.deps.storage.kind).toBe('s3');
    const seeker = await createSeeker(ctx.deps);
    const employer = await createEmployer(ctx.deps);
    const job = await createJob(
      ctx.deps,
      { documentMethods: ['mypage', 'post'], acceptsOnlineApplication: true },
      employer.employer,
    );
    const c = ctx.client('198.51.100.60');
    await signInAs(c, 'seeker', seeker.email, seeker.password);
    const resume = pdf({ text: 'Rirekisho in S3' });
    const id = await applyWithDocuments(c, job.jobNumber, file(1, '履歴書.pdf', resume));

    const [doc] = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, id));
    expect(await s3.objectKeys(`${PREFIX}/`)).toEqual([`${PREFIX}/${doc!.storageKey}`]);
    // Nothing went to the disk folder the test app would otherwise use.
    expect(await readdir(ctx.deps.config.storageDir)).toEqual([]);

    await ctx.drain();
    const [scanned] = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.id, doc!.id));
    expect(scanned!.scanState).toBe('clean');
    const emp = ctx.client('198.51.100.61');
    await signInAs(emp, 'employer', employer.email, employer.password);
    const download = await emp.raw(`/employer/applications/${id}/documents/${doc!.id}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(resume)).toBe(true);

    // DR-1: the job became 無効 on 2026-11-25; at 2027-03-01 00:30 in Tokyo its documents are due.
    await ctx.db
      .update(jobPostings)
      .set({ status: 'invalid', closedOn: '2026-11-25' })
      .where(eq(jobPostings.id, job.id));
    ctx.clock.set('2027-02-28T15:30:00Z');
    expect((await runDocumentRetention(ctx.deps)).documents).toBe(1);
    expect(await s3.objectKeys()).toEqual([]);
    expect(await s3.openUploads()).toEqual([]);
    const [erased] = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.id, doc!.id));
    expect(erased!.storageKey).toBeNull();
    const [application] = await ctx.db.select().from(applications).where(eq(applications.id, id));
    expect(application!.documentsErasedCause).toBe('retention');
    const again = ctx.client('198.51.100.62');
    await signInAs(again, 'employer', employer.email, employer.password);
    expect((await again.get(`/employer/applications/${id}/documents/${doc!.id}`)).status).toBe(404);
  });
});
