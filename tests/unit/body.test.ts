/**
 * One way in: the CSRF check of an upload reads only the first multipart part, and the route
 * still gets every byte of the body, in order, as a stream.
 */
import { describe, expect, it } from 'vitest';
import { splitFirstPart } from '../../src/web/body.ts';

async function multipart(parts: FormData) {
  const req = new Request('http://localhost/', { method: 'POST', body: parts });
  return { type: req.headers.get('content-type')!, bytes: new Uint8Array(await req.arrayBuffer()) };
}

/** Streams the bytes in small chunks, as a network would. */
function chunked(bytes: Uint8Array, size = 7) {
  let at = 0;
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
      pulled = at;
    },
  });
  return { stream, pulled: () => pulled };
}

describe('splitFirstPart', () => {
  it('G-1 reads the CSRF token of the first part and hands back the whole body unchanged', async () => {
    const form = new FormData();
    form.append('_csrf', 'token-値');
    form.append('file', new File([new Uint8Array(100_000).fill(65)], 'cv.pdf'));
    const { type, bytes } = await multipart(form);
    const body = chunked(bytes);
    const { part, whole } = await splitFirstPart(body.stream, type);
    expect(part).toEqual({ name: '_csrf', value: 'token-値' });
    // Only the head was read before the check.
    expect(body.pulled()).toBeLessThan(1_000);
    const again = new Uint8Array(await new Response(whole).arrayBuffer());
    expect(again).toEqual(bytes);
  });

  it('G-1 finds no token when the first part is a file or another field, or the body has no boundary', async () => {
    const first = new FormData();
    first.append('file', new File(['x'], 'a.pdf'));
    first.append('_csrf', 't');
    const a = await multipart(first);
    expect((await splitFirstPart(chunked(a.bytes).stream, a.type)).part?.name).not.toBe('_csrf');
    expect((await splitFirstPart(chunked(a.bytes).stream, 'multipart/form-data')).part).toBeNull();
  });

  it('G-1 stops looking after a bounded head (a huge first part is no token)', async () => {
    const form = new FormData();
    form.append('_csrf', 'x'.repeat(50_000));
    const { type, bytes } = await multipart(form);
    const body = chunked(bytes, 1024);
    expect((await splitFirstPart(body.stream, type, 8192)).part).toBeNull();
    expect(body.pulled()).toBeLessThan(12_000);
  });
});
