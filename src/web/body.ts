/**
 * One way in (ARCHITECTURE habit 14): every request body is read here, once, before any route
 * runs, and never past its limit. A declared Content-Length over the limit is refused at once; a
 * chunked body is counted while it streams and cut off at the limit (413), so nothing past it is
 * ever buffered. Form fields come out as text that PostgreSQL can store: U+0000 and broken Unicode
 * (lone surrogates, invalid UTF-8) become U+FFFD, which the field builders then refuse with a
 * message next to the field (SPEC G-1).
 *
 * Routes that stream an upload (issue: applying with documents) are named in `streamed`: their
 * multipart body is left unread for the route's own streaming parser, and only its first part,
 * the CSRF token, is read by the CSRF check (see splitFirstPart).
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../platform/errors.ts';
import { wellFormedText } from '../platform/text.ts';
import type { AppEnv } from './env.ts';

export type FormPairs = [name: string, value: string][];

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bodyReader(options: {
  limitBytes: number;
  streamed?: (path: string) => boolean;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('form', []);
    c.set('streamedBody', false);
    // A NUL in the address is never meaningful and PostgreSQL cannot store it.
    if (/%00/.test(c.req.url)) throw new AppError('bad_request', 'NUL in the URL');
    if (NO_BODY.has(c.req.method) || !c.req.raw.body) return next();
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (type.startsWith('multipart/form-data') && options.streamed?.(c.req.path)) {
      c.set('streamedBody', true);
      return next();
    }
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    if (declared > options.limitBytes) throw tooLarge(declared);
    const bytes = await readLimited(c.req.raw.body, options.limitBytes);
    c.set('form', await parseForm(type, bytes));
    return next();
  };
}

const tooLarge = (bytes: number) =>
  new AppError('payload_too_large', `request body over the limit (${bytes})`);

/** Reads a stream whole, or throws 413 as soon as it passes `limit` bytes (the rest is never read). */
export async function readLimited(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(size);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

async function parseForm(type: string, bytes: Uint8Array<ArrayBuffer>): Promise<FormPairs> {
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(new TextDecoder().decode(bytes));
    return [...params].map(([k, v]) => [wellFormedText(k), wellFormedText(v)]);
  }
  if (type.startsWith('multipart/form-data')) {
    // Only text parts: files are accepted by streamed upload routes alone.
    try {
      const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
      const pairs: FormPairs = [];
      for (const [k, v] of form)
        if (typeof v === 'string') pairs.push([wellFormedText(k), wellFormedText(v)]);
      return pairs;
    } catch (cause) {
      throw new AppError('bad_request', 'malformed multipart body', { cause });
    }
  }
  return [];
}

/**
 * Reads only the first part of a streaming multipart body (at most `maxBytes`) and returns its
 * name and text, with a stream that yields the whole body again (the bytes read, then the rest,
 * untouched) for the route's own streaming parser. Upload forms put the CSRF token first, so the
 * token is checked before a single file byte is accepted.
 */
export async function splitFirstPart(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  maxBytes = 8192,
): Promise<{ part: { name: string; value: string } | null; whole: ReadableStream<Uint8Array> }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const reader = body.getReader();
  const seen: Uint8Array[] = [];
  let head: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  let part: { name: string; value: string } | null = null;
  if (boundary) {
    const encoder = new TextEncoder();
    const delimiter = `--${boundary[1] ?? boundary[2]}`;
    const opening = encoder.encode(`${delimiter}\r\n`);
    const closing = encoder.encode(`\r\n${delimiter}`);
    const blank = encoder.encode('\r\n\r\n');
    while (head.length < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      seen.push(value);
      head = concat(head, value);
      const start = indexOf(head, opening, 0);
      const headersEnd = start < 0 ? -1 : indexOf(head, blank, start);
      const end = headersEnd < 0 ? -1 : indexOf(head, closing, headersEnd + 4);
      if (end < 0) continue;
      const decoder = new TextDecoder();
      const headers = decoder.decode(head.subarray(start + opening.length, headersEnd));
      const name = /^content-disposition:\s*form-data;\s*name="([^"]*)"(?!;\s*filename)/im.exec(headers);
      if (name && end <= maxBytes) {
        part = { name: name[1]!, value: wellFormedText(decoder.decode(head.subarray(headersEnd + 4, end))) };
      }
      break;
    }
  }
  const whole = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of seen) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { part, whole };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The fields of a form as the page's inputs gave them: a name may repeat (checkboxes). */
export function formValuesOf(
  pairs: FormPairs,
  omit: readonly string[] = [],
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    if (omit.includes(name)) continue;
    const had = values[name];
    values[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return values;
}
