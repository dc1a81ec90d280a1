/**
 * The apply form with documents as a browser posts it (/mypage/jobs/:number/apply, SPEC AP-1, AP-2):
 * multipart parts in browser order, streamed to the app. Shared by the upload attack set and the
 * tests that need an application with real uploaded files (the S3 storage end to end).
 */
import { expect } from 'vitest';
import type { Fields, Page, TestClient } from './http.ts';
import { MULTIPART_TYPE, multipartBody, type Part } from './upload-corpus.ts';

export const MOTIVATION = '介護の仕事を続けたいと考え、応募しました。';

/**
 * The form's parts in browser order: the CSRF token first, then the fields, then the files. A part of
 * `extra` named like a field takes that field's place (志望動機 of one's own); others are added.
 */
export function formParts(form: Page, files: Part[], extra: Part[] = []): Part[] {
  const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
  const fields: Part[] = [
    { name: 'draft', value: key },
    { name: 'motivation', value: MOTIVATION },
    { name: 'remarks', value: '' },
    { name: 'consent', value: 'yes' },
  ];
  return [
    { name: '_csrf', value: form.csrf()! },
    ...fields.map((f) => extra.find((p) => p.name === f.name) ?? f),
    ...extra.filter((p) => !fields.some((f) => f.name === p.name)),
    ...files,
    { name: 'action', value: 'next' },
  ];
}

/** Document slot `n` of the form: its kind and its file. */
export const file = (n: number, filename: string, data: Uint8Array, kind = 'resume'): Part[] => [
  { name: `document_${n}_kind`, value: kind },
  { name: `document_${n}`, filename, data },
];

export function post(c: TestClient, url: string, body: Uint8Array | ReadableStream<Uint8Array>) {
  return c.request('POST', url, body as BodyInit, { 'content-type': MULTIPART_TYPE });
}

/**
 * オンライン自主応募 with documents, through the form: 入力 with the files → 確認 → 「応募」.
 * Returns the new application's id.
 */
export function applyWithDocuments(c: TestClient, jobNumber: string, files: Part[]): Promise<string> {
  return applyAt(c, `/mypage/jobs/${jobNumber}/apply`, files);
}

/**
 * The same through any apply form: `url` is `/mypage/jobs/:number/apply` (オンライン自主応募) or
 * `/mypage/referrals/:id/apply` (応募（ハローワーク紹介）). Returns the new application's id.
 */
export async function applyAt(
  c: TestClient,
  url: string,
  files: Part[],
  /** More parts for the form, more fields for 「応募」 (a test of what the server ignores). */
  extra: { parts?: Part[]; submit?: Fields } = {},
): Promise<string> {
  const form = await c.get(url);
  const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
  const next = await post(c, url, multipartBody(formParts(form, files, extra.parts)));
  expect(next.status).toBe(303);
  await c.get(next.location!);
  const submitted = await c.post(`${url}/submit`, { ...extra.submit, draft: key });
  expect(submitted.status).toBe(303);
  return submitted.location!.split('/')[3]!.split('?')[0]!;
}
