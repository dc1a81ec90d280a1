/**
 * The streaming upload parser (SPEC AP-1..AP-3, issue 11): multipart bodies built byte by byte from
 * the attack corpus, read by readApplicationUpload directly and through a real HTTP server (Hono on
 * @hono/node-server, with the app's own body reader and the CSRF first-part split in front), up to
 * a 100 MB chunked body cut off with bounded memory and bodies that end mid-file.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BYTES, MAX_NAME_CHARS } from '../../src/modules/documents/document.rules.ts';
import {
  type ApplicationUpload,
  readApplicationUpload,
  type SpooledUpload,
  spoolApplicationUpload,
  UPLOAD_LIMITS,
} from '../../src/modules/documents/multipart.ts';
import { charCount, text } from '../../src/platform/fields.ts';
import { bodyReader, splitFirstPart } from '../../src/web/body.ts';
import type { AppEnv } from '../../src/web/env.ts';
import {
  attackSet,
  BOUNDARY,
  chunkedStream,
  cutBody,
  docx,
  endlessBody,
  exe,
  jpeg,
  MULTIPART_TYPE,
  multipartBody,
  type NameEncoding,
  type Part,
  partHead,
  pdf,
  png,
  validSet,
} from '../support/upload-corpus.ts';

const headers = { 'content-type': MULTIPART_TYPE };
const read = (body: ReadableStream<Uint8Array>) => readApplicationUpload({ headers, body });
const readParts = (parts: Part[], encoding: NameEncoding = 'raw') =>
  read(chunkedStream(multipartBody(parts, encoding)));

const csrf: Part = { name: '_csrf', value: 'token' };
const motive: Part = { name: 'motive', value: '介護の仕事を続けたいと考え、応募しました。' };
const file = (n: number, filename: string, data: Uint8Array, kind = 'resume'): Part[] => [
  { name: `document_${n}_kind`, value: kind },
  { name: `document_${n}`, filename, data },
];
const codes = (upload: Pick<ApplicationUpload, 'problems'>) =>
  upload.problems.map((p) => `${p.field}:${p.code}`);

describe('readApplicationUpload', () => {
  it('AP-1/AP-2 returns the typed text without _csrf and four checked files with kind, name, type and hash', async () => {
    const bytes = [pdf(), docx(), png(), jpeg()];
    const upload = await readParts([
      csrf,
      motive,
      { name: 'note', value: '' },
      ...file(1, '履歴書.pdf', bytes[0]!),
      ...file(2, '職務経歴書.docx', bytes[1]!, 'work_history'),
      ...file(3, 'ジョブ・カード.png', bytes[2]!, 'job_card'),
      ...file(4, 'その他.jpg', bytes[3]!, 'other'),
    ]);
    expect(upload.problems).toEqual([]);
    expect(upload.complete).toBe(true);
    expect(upload.fields.map(([name]) => name)).toEqual([
      'motive',
      'note',
      'document_1_kind',
      'document_2_kind',
      'document_3_kind',
      'document_4_kind',
    ]);
    expect(upload.files.map((f) => [f.fieldName, f.kind, f.originalName, f.type, f.mime])).toEqual([
      ['document_1', 'resume', '履歴書.pdf', 'pdf', 'application/pdf'],
      [
        'document_2',
        'work_history',
        '職務経歴書.docx',
        'docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      ['document_3', 'job_card', 'ジョブ・カード.png', 'png', 'image/png'],
      ['document_4', 'other', 'その他.jpg', 'jpeg', 'image/jpeg'],
    ]);
    upload.files.forEach((f, i) => {
      expect(Buffer.from(f.bytes)).toEqual(bytes[i]);
      expect(f.size).toBe(bytes[i]!.length);
      expect(f.sha256).toBe(createHash('sha256').update(bytes[i]!).digest('hex'));
    });
  });

  it('AP-2 accepts a file of exactly 2,097,152 bytes and refuses one byte more, keeping none of it', async () => {
    const exact = await readParts([csrf, ...file(1, 'a.pdf', pdf({ size: MAX_BYTES }))]);
    expect(exact.problems).toEqual([]);
    expect(exact.files[0]!.size).toBe(MAX_BYTES);
    const over = await readParts([
      csrf,
      motive,
      ...file(1, 'a.pdf', pdf({ size: MAX_BYTES + 1 })),
      ...file(2, 'b.pdf', pdf()),
    ]);
    expect(codes(over)).toEqual(['document_1:too_large']);
    expect(over.problems[0]!.fileName).toBe('a.pdf');
    expect(over.files).toEqual([]);
    expect(over.complete).toBe(true);
    expect(over.fields.find(([n]) => n === 'motive')?.[1]).toBe((motive as { value: string }).value);
  });

  it('AP-2 refuses a fifth file without reading it, and input left empty is no file', async () => {
    const five = await readParts([csrf, ...[1, 2, 3, 4, 5].flatMap((n) => file(n, `f${n}.pdf`, pdf()))]);
    expect(codes(five)).toEqual(['document_5:too_many']);
    expect(five.files).toEqual([]);
    const withEmptySlots = await readParts([
      csrf,
      ...file(1, 'a.pdf', pdf()),
      { name: 'document_2_kind', value: '' },
      { name: 'document_2', filename: '', data: new Uint8Array(0) },
      { name: 'document_3', filename: '', data: new Uint8Array(0) },
    ]);
    expect(withEmptySlots.problems).toEqual([]);
    expect(withEmptySlots.files.map((f) => f.fieldName)).toEqual(['document_1']);
  });

  it('AP-2/AP-3 refuses every attack of the corpus next to its input, with its display name', async () => {
    const attacks = attackSet();
    let wronglyAccepted = 0;
    for (const attack of attacks) {
      // A NUL can only arrive percent-encoded (RFC 5987); raw, it makes the part header malformed.
      const encoding = attack.name.includes('\u0000') ? 'rfc5987' : 'raw';
      const upload = await readParts([csrf, motive, ...file(1, attack.name, attack.bytes())], encoding);
      if (!upload.problems.length) wronglyAccepted++;
      expect(codes(upload), attack.label).toEqual([`document_1:${attack.refusal}`]);
      expect(upload.files).toEqual([]);
    }
    expect(wronglyAccepted).toBe(0);
    for (const valid of validSet()) {
      const upload = await readParts([csrf, ...file(1, valid.name, valid.bytes())]);
      expect(upload.problems, valid.label).toEqual([]);
    }
  }, 60_000);

  it('AP-2 never uses a user file name as a path: ../, NUL, RTL override and 300 characters', async () => {
    const traversal = await readParts([csrf, ...file(1, '../../../etc/cron.d/evil.pdf', pdf())]);
    expect(traversal.files[0]!.originalName).toBe('evil.pdf');
    const windows = await readParts([csrf, ...file(1, 'C:\\Users\\山田\\履歴書.pdf', pdf())]);
    expect(windows.files[0]!.originalName).toBe('履歴書.pdf');
    const nul = await readParts([csrf, ...file(1, 'cv.pdf\u0000.exe', exe())], 'rfc5987');
    expect(nul.problems).toEqual([{ field: 'document_1', code: 'not_allowed', fileName: 'cv.pdf.exe' }]);
    const rawNul = await readParts([csrf, motive, ...file(1, 'cv.pdf\u0000.exe', exe())]);
    expect(codes(rawNul)).toEqual(['null:malformed']);
    expect(rawNul.files).toEqual([]);
    const encoded = await readParts([csrf, ...file(1, '職務経歴書 (2026).pdf', pdf())], 'rfc5987');
    expect(encoded.files[0]!.originalName).toBe('職務経歴書 (2026).pdf');
    const rtl = await readParts([csrf, ...file(1, 'cv\u202Efdp.exe', exe())]);
    expect(rtl.problems).toEqual([{ field: 'document_1', code: 'not_allowed', fileName: 'cvfdp.exe' }]);
    const long = await readParts([csrf, ...file(1, `${'履'.repeat(300)}.pdf`, pdf())]);
    expect(charCount(long.files[0]!.originalName)).toBe(MAX_NAME_CHARS);
    expect(long.files[0]!.originalName.endsWith('.pdf')).toBe(true);
  });

  it('AP-2 refuses an empty file, a file without a kind, and a file under a name the form does not have', async () => {
    const empty = await readParts([csrf, ...file(1, 'empty.pdf', new Uint8Array(0))]);
    expect(codes(empty)).toEqual(['document_1:empty']);
    const noKind = await readParts([csrf, { name: 'document_1', filename: 'a.pdf', data: pdf() }]);
    expect(codes(noKind)).toEqual(['document_1_kind:kind_required']);
    const badKind = await readParts([csrf, ...file(1, 'a.pdf', pdf(), 'passport')]);
    expect(codes(badKind)).toEqual(['document_1_kind:kind_required']);
    const stray = await readParts([csrf, { name: 'motive', filename: 'a.pdf', data: pdf() }]);
    expect(codes(stray)).toEqual(['motive:unexpected_file']);
    const twice = await readParts([
      csrf,
      ...file(1, 'a.pdf', pdf()),
      { name: 'document_1', filename: 'b.pdf', data: pdf() },
    ]);
    expect(codes(twice)).toEqual(['document_1:unexpected_file']);
  });

  it('AP-1 keeps 600 and 601 characters of 志望動機 whole (an emoji counts once); the 600 rule then decides', async () => {
    const schema = text({ max: 600, multiline: true });
    const six = `${'あ'.repeat(598)}👨‍👩‍👧😀`;
    const sixOne = `${six}。`;
    expect(charCount(six)).toBe(600);
    for (const [value, ok] of [
      [six, true],
      [sixOne, false],
    ] as const) {
      const upload = await readParts([csrf, { name: 'motive', value }, ...file(1, 'a.pdf', pdf())]);
      expect(upload.problems).toEqual([]);
      const kept = upload.fields.find(([n]) => n === 'motive')![1];
      expect(kept).toBe(value);
      expect(schema.safeParse(kept).success).toBe(ok);
    }
  });

  it('AP-1 caps each text field and all text, and the number of fields', async () => {
    const long = await readParts([csrf, { name: 'motive', value: 'あ'.repeat(10_000) }]);
    expect(codes(long)).toEqual(['motive:field_too_long']);
    expect(Buffer.byteLength(long.fields[0]![1])).toBeLessThanOrEqual(UPLOAD_LIMITS.maxFieldBytes);
    const lots = await readParts([
      csrf,
      ...Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, value: 'x'.repeat(15_000) })),
    ]);
    expect(codes(lots)).toEqual(['null:fields_too_large']);
    const many = await readParts([
      csrf,
      ...Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, value: 'x' })),
    ]);
    expect(codes(many)).toEqual(['null:too_many_fields']);
    expect(many.fields.length).toBeLessThanOrEqual(UPLOAD_LIMITS.maxFields);
  });

  it('AP-2 cuts off a 100 MB body at the global cap without reading on, keeping the text typed before it', async () => {
    const head = Buffer.concat([
      ...[csrf, motive, { name: 'document_1_kind', value: 'resume' }].flatMap((p) => [
        partHead(p),
        Buffer.from(`${(p as { value: string }).value}\r\n`),
      ]),
      partHead({ name: 'document_1', filename: 'huge.pdf', data: new Uint8Array(0) }),
      Buffer.from('%PDF-1.7\n'),
    ]);
    const body = endlessBody(head, 100 * 1024 * 1024);
    const upload = await read(body.stream);
    expect(upload.complete).toBe(false);
    expect(codes(upload)).toEqual(['null:body_too_large']);
    expect(upload.fields.find(([n]) => n === 'motive')?.[1]).toBe((motive as { value: string }).value);
    expect(upload.files).toEqual([]);
    // At most the chunk that crossed the cap is read past it.
    expect(body.pulled()).toBeLessThanOrEqual(UPLOAD_LIMITS.maxBodyBytes + 64 * 1024 + head.length);
  });

  it('AP-2 answers a body cut off mid-file (ended or dropped) with "truncated", never a file', async () => {
    const whole = multipartBody([csrf, motive, ...file(1, 'a.pdf', pdf({ size: 100_000 }))]);
    for (const how of ['end', 'error'] as const) {
      const upload = await read(cutBody(whole, whole.length - 50_000, how));
      expect(upload.complete).toBe(false);
      expect(codes(upload)).toEqual(['null:truncated']);
      expect(upload.files).toEqual([]);
      expect(upload.fields.find(([n]) => n === 'motive')).toBeTruthy();
    }
    // Ending right after a file's bytes, before the closing boundary, is truncated too.
    const noEnd = whole.subarray(0, whole.lastIndexOf(Buffer.from('\r\n--')));
    expect(codes(await read(chunkedStream(noEnd)))).toEqual(['null:truncated']);
  });

  it('G-1 refuses a body that is no multipart form, and marks a malformed one', async () => {
    await expect(
      readApplicationUpload({
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: chunkedStream(Buffer.from('a=1')),
      }),
    ).rejects.toMatchObject({ code: 'bad_request' });
    await expect(
      readApplicationUpload({
        headers: { 'content-type': 'multipart/form-data' },
        body: chunkedStream(Buffer.from('x')),
      }),
    ).rejects.toMatchObject({ code: 'bad_request' });
    await expect(readApplicationUpload({ headers, body: null })).rejects.toMatchObject({
      code: 'bad_request',
    });
    const boundary = MULTIPART_TYPE.split('boundary=')[1];
    const hugeHeader = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${'n'.repeat(20_000)}"\r\n\r\nx\r\n--${boundary}--\r\n`,
    );
    const malformed = await read(chunkedStream(hugeHeader));
    expect(codes(malformed)).toEqual(['null:malformed']);
    expect(malformed.complete).toBe(false);
  });

  it('G-1 a part with an empty name (name="") is a field or file named "", never a crash (found by E1, issue 15)', async () => {
    // busboy reports name="" as undefined; reading it once gave a TypeError and a 500.
    const upload = await readParts([
      csrf,
      { name: '', value: 'x' },
      motive,
      { name: '', filename: 'a.pdf', data: pdf() },
    ]);
    expect(upload.complete).toBe(true);
    expect(upload.fields).toEqual([
      ['', 'x'],
      ['motive', motive.value],
    ]);
    expect(codes(upload)).toEqual([':unexpected_file']);
    expect(upload.files).toEqual([]);
  });

  it('AP-2 trusts the checked bytes, not the Content-Type the browser sent', async () => {
    const upload = await readParts([
      csrf,
      { name: 'document_1_kind', value: 'other' },
      { name: 'document_1', filename: 'a.png', data: png(), type: 'application/pdf' },
    ]);
    expect(upload.files[0]!.mime).toBe('image/png');
  });
});

describe('spoolApplicationUpload (each file in a spool file, not in memory)', () => {
  let spoolDir: string;
  beforeAll(async () => {
    spoolDir = await mkdtemp(path.join(tmpdir(), 'hw-spool-test-'));
  });
  afterAll(() => rm(spoolDir, { recursive: true, force: true }));
  const spool = (body: ReadableStream<Uint8Array>) => spoolApplicationUpload({ headers, body }, { spoolDir });
  const spoolFiles = () => readdir(spoolDir);
  const same = (a: ApplicationUpload | SpooledUpload, b: ApplicationUpload | SpooledUpload) => {
    expect(codes(a)).toEqual(codes(b));
    expect(a.fields).toEqual(b.fields);
    expect(a.complete).toBe(b.complete);
    const meta = (u: ApplicationUpload | SpooledUpload) =>
      u.files.map((f) => [f.fieldName, f.kind, f.originalName, f.type, f.mime, f.size]);
    expect(meta(a)).toEqual(meta(b));
  };

  it('AP-2 gives what readApplicationUpload gives, the bytes in spool files of their own, gone after discard()', async () => {
    const bytes = [pdf({ size: 2_097_152, binary: true }), docx(), png(), jpeg()];
    const body = multipartBody([
      csrf,
      motive,
      ...file(1, '履歴書.pdf', bytes[0]!),
      ...file(2, '職務経歴書.docx', bytes[1]!, 'work_history'),
      { name: 'document_3_kind', value: '' },
      { name: 'document_3', filename: '', data: new Uint8Array(0) },
      ...file(4, 'その他.jpg', bytes[3]!, 'other'),
    ]);
    // Network-sized and tiny chunks: the batching of writes must not change a byte.
    for (const size of [64 * 1024, 1000]) {
      const inMemory = await read(chunkedStream(body, size));
      const spooled = await spool(chunkedStream(body, size));
      same(spooled, inMemory);
      expect(spooled.files).toHaveLength(3);
      const expected = [bytes[0]!, bytes[1]!, bytes[3]!];
      for (const [i, f] of spooled.files.entries()) {
        expect(path.dirname(f.path)).toBe(spoolDir);
        expect(path.basename(f.path)).not.toContain(f.originalName.slice(0, 2));
        expect(Buffer.compare(await readFile(f.path), expected[i]!)).toBe(0);
        // Read back for storing into a shared buffer, valid while the work runs.
        expect(await spooled.withBytes(f, async (b) => Buffer.compare(b, expected[i]!))).toBe(0);
      }
      await expect(spooled.withBytes({ ...spooled.files[0]! }, async () => 0)).rejects.toThrow(
        /not a file of this upload/,
      );
      // Many at once (more than the shared buffers): each sees its own file's bytes.
      const seen = await Promise.all(
        [...spooled.files, ...spooled.files, ...spooled.files].map((f, i) =>
          spooled.withBytes(f, async (b) => {
            await new Promise((r) => setTimeout(r, 5));
            return Buffer.compare(b, expected[i % 3]!);
          }),
        ),
      );
      expect(seen).toEqual(Array(9).fill(0));
      // The input left empty opened no file.
      expect(await spoolFiles()).toHaveLength(3);
      await spooled.discard();
      expect(await spoolFiles()).toEqual([]);
    }
  });

  it('AP-2/AP-3 refuses every attack of the corpus as in memory and leaves no spool file behind', async () => {
    for (const attack of attackSet()) {
      const body = multipartBody([csrf, motive, ...file(1, attack.name, attack.bytes())]);
      const spooled = await spool(chunkedStream(body));
      same(spooled, await read(chunkedStream(body)));
      await spooled.discard();
      expect(await spoolFiles(), attack.label).toEqual([]);
    }
    // One good file and one refused: nothing is kept of either.
    const mixed = multipartBody([csrf, ...file(1, 'a.pdf', pdf()), ...file(2, 'b.pdf', exe())]);
    const spooled = await spool(chunkedStream(mixed));
    expect(codes(spooled)).toEqual(['document_2:type_mismatch']);
    expect(spooled.files).toEqual([]);
    expect(await spoolFiles()).toEqual([]);
  });

  it('AP-2 leaves no spool file after a file one byte too large, a body over the cap, cut off or malformed', async () => {
    const tooLarge = multipartBody([csrf, ...file(1, 'big.pdf', pdf({ size: MAX_BYTES + 1 }))]);
    expect(codes(await spool(chunkedStream(tooLarge)))).toEqual(['document_1:too_large']);
    expect(await spoolFiles()).toEqual([]);

    const head = Buffer.concat([
      partHead(csrf),
      Buffer.from('token\r\n'),
      partHead({ name: 'document_1', filename: 'huge.pdf', data: new Uint8Array(0) }),
      Buffer.from('%PDF-1.7\n'),
    ]);
    const endless = endlessBody(head, 100 * 1024 * 1024);
    expect(codes(await spool(endless.stream))).toEqual(['null:body_too_large']);
    expect(await spoolFiles()).toEqual([]);

    const whole = multipartBody([csrf, motive, ...file(1, 'a.pdf', pdf({ size: 100_000 }))]);
    for (const how of ['end', 'error'] as const) {
      const upload = await spool(cutBody(whole, whole.length - 50_000, how));
      expect(codes(upload)).toEqual(['null:truncated']);
      expect(await spoolFiles()).toEqual([]);
    }
    const malformed = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="document_1"; filename="a\u0000.pdf"\r\n\r\n%PDF\r\n--${BOUNDARY}--\r\n`,
      'latin1',
    );
    const bad = await spool(chunkedStream(malformed));
    same(bad, await read(chunkedStream(malformed)));
    expect(codes(bad)).toEqual(['null:malformed']);
    expect(await spoolFiles()).toEqual([]);
  });

  it('AP-2 the spool folder is created on the first upload; one that cannot be is an error of the request, not a crash', async () => {
    const body = multipartBody([csrf, ...file(1, 'a.pdf', pdf())]);
    const fresh = path.join(spoolDir, 'new', 'spool');
    const upload = await spoolApplicationUpload({ headers, body: chunkedStream(body) }, { spoolDir: fresh });
    expect(upload.files).toHaveLength(1);
    await upload.discard();
    expect(await readdir(fresh)).toEqual([]);
    await rm(path.join(spoolDir, 'new'), { recursive: true });
    // Under a plain file no folder can be made.
    await writeFile(path.join(spoolDir, 'plain'), '');
    await expect(
      spoolApplicationUpload(
        { headers, body: chunkedStream(body) },
        { spoolDir: path.join(spoolDir, 'plain', 'spool') },
      ),
    ).rejects.toMatchObject({ code: 'ENOTDIR' });
    await rm(path.join(spoolDir, 'plain'));
    expect(await spoolFiles()).toEqual([]);
  });
});

describe('readApplicationUpload behind a real HTTP server', () => {
  let server: ReturnType<typeof serve>;
  let port = 0;
  let lastUpload: ApplicationUpload | null = null;

  beforeAll(async () => {
    const app = new Hono<AppEnv>();
    // The app's own body reader with a 1 MiB form limit: an upload route's body passes it unread.
    app.use(bodyReader({ limitBytes: 1_048_576, streamed: (p) => p === '/apply' }));
    app.post('/apply', async (c) => {
      // As the CSRF check does: read the first part, hand the route the whole body again.
      const { part, whole } = await splitFirstPart(c.req.raw.body!, c.req.header('content-type') ?? '');
      if (part?.name !== '_csrf') return c.text('csrf', 403);
      const upload = await readApplicationUpload({ headers: c.req.raw.headers, body: whole });
      lastUpload = upload;
      return c.json(
        { problems: upload.problems, files: upload.files.map((f) => f.originalName) },
        upload.problems.length ? 400 : 200,
      );
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends a body with chunked transfer encoding, `chunks` yielding it; stops when the answer comes. */
  function post(
    chunks: () => Generator<Uint8Array>,
  ): Promise<{ status: number; body: string; sent: number }> {
    return new Promise((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = http.request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/apply',
        headers: { ...headers, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body, sent });
          req.destroy();
        });
      });
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      const source = chunks();
      const pump = () => {
        while (!answered && !req.destroyed) {
          const next = source.next();
          if (next.done) return req.end();
          sent += next.value.length;
          if (!req.write(next.value)) return req.once('drain', pump);
        }
      };
      pump();
    });
  }

  it('AP-2 accepts four documents through the server, and refuses a renamed .exe with a 400', async () => {
    const ok = multipartBody([
      csrf,
      motive,
      ...[1, 2, 3, 4].flatMap((n) => file(n, `f${n}.pdf`, pdf({ size: 500_000 }))),
    ]);
    const accepted = await post(function* () {
      for (let at = 0; at < ok.length; at += 16_384) yield ok.subarray(at, at + 16_384);
    });
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.body).files).toEqual(['f1.pdf', 'f2.pdf', 'f3.pdf', 'f4.pdf']);
    const bad = multipartBody([csrf, ...file(1, 'cv.pdf', exe())]);
    const refused = await post(function* () {
      yield bad;
    });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).problems).toEqual([
      { field: 'document_1', code: 'type_mismatch', fileName: 'cv.pdf' },
    ]);
  });

  it('AP-2 cuts off a 100 MB chunked body with bounded memory and still answers', async () => {
    const head = Buffer.concat([
      partHead(csrf),
      Buffer.from('token\r\n'),
      partHead({ name: 'document_1', filename: 'huge.pdf', data: new Uint8Array(0) }),
    ]);
    const chunk = Buffer.alloc(64 * 1024, 0x30);
    const total = 100 * 1024 * 1024;
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    try {
      const answer = await post(function* () {
        yield head;
        for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
      });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).problems).toEqual([{ field: null, code: 'body_too_large' }]);
      expect(answer.sent).toBeLessThan(total);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - before).toBeLessThan(50 * 1024 * 1024);
    expect(lastUpload?.complete).toBe(false);
  }, 30_000);
});
