/**
 * A small clamd client (ADR 0020): INSTREAM over TCP, one connection per scan, NUL-terminated
 * (`z`) commands. The protocol (clamd(8)): `zINSTREAM\0`, then chunks each prefixed by its length
 * as 4 bytes big-endian, then a zero length; clamd answers `stream: OK`, `stream: <name> FOUND`
 * or `<text> ERROR` (e.g. `INSTREAM size limit exceeded. ERROR`, after which it closes).
 *
 * Fail closed: only `stream: OK` is clean. A refused connection, a reset, a timeout, an ERROR or
 * any answer not understood throws ScannerUnavailable. The input stream is consumed; when a scan
 * fails it is destroyed. An error of the input stream itself is passed on as it is.
 */
import net from 'node:net';
import type { Readable } from 'node:stream';
import { ScannerUnavailable, type ScanVerdict, type VirusScanner } from './virus-scanner.ts';

export interface ClamdOptions {
  host: string;
  port: number;
  /** The whole exchange (connect, send, verdict) must finish within this many milliseconds. */
  timeoutMs: number;
  /** Bytes per INSTREAM chunk (default 64 KiB). */
  chunkBytes?: number;
}

const DEFAULT_CHUNK = 64 * 1024;
/** A reply longer than this without its NUL terminator is not clamd talking. */
const MAX_REPLY = 16 * 1024;
/** PING is answered at once by a live clamd; a start-up check should not wait for a whole scan's timeout. */
const PING_TIMEOUT_MS = 2_000;

export function createClamdScanner(options: ClamdOptions): VirusScanner {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK;
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1)
    throw new RangeError('chunkBytes must be a positive integer');
  return {
    kind: 'clamd',
    async scan(input) {
      try {
        const reply = await exchange(options, options.timeoutMs, (socket, answered) =>
          sendInstream(socket, input, chunkBytes, answered),
        );
        return parseInstreamReply(reply);
      } catch (error) {
        if (!Buffer.isBuffer(input)) input.destroy();
        throw error;
      }
    },
    async ping() {
      try {
        const timeout = Math.min(options.timeoutMs, PING_TIMEOUT_MS);
        return (
          (await exchange(options, timeout, (socket) => send(socket, Buffer.from('zPING\0')))) === 'PONG'
        );
      } catch {
        return false;
      }
    },
  };
}

/** clamd's answer to INSTREAM, without its NUL terminator → a verdict, or ScannerUnavailable. */
export function parseInstreamReply(reply: string): ScanVerdict {
  const text = reply.trim();
  if (text === 'stream: OK') return { kind: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) {
    // With ExtendedDetectionInfo clamd appends (hash:size) to the name; the name is what we keep.
    const signature = found[1]!.replace(/\([0-9a-f]+:\d+\)$/i, '').trim();
    return { kind: 'infected', signature: signature || found[1]! };
  }
  if (/size limit exceeded/i.test(text)) {
    throw new ScannerUnavailable('refused', `clamd refused the stream: ${shorten(text)}`);
  }
  throw new ScannerUnavailable('protocol', `clamd answered something other than a verdict: ${shorten(text)}`);
}

type Writer = (socket: net.Socket, answered: () => boolean) => Promise<void>;

/**
 * Connects, runs `write`, and resolves with clamd's first NUL-terminated reply. Everything else —
 * no connection, an early close, a reset, a reply too long, the deadline — rejects.
 */
function exchange(options: ClamdOptions, timeoutMs: number, write: Writer): Promise<string> {
  const where = `${options.host}:${options.port}`;
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    let connected = false;
    let received = Buffer.alloc(0);
    const socket = net.connect({ host: options.host, port: options.port });
    const finish = (error: Error | undefined, reply?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(reply!);
    };
    const timer = setTimeout(
      () =>
        finish(new ScannerUnavailable('timeout', `clamd at ${where} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.setNoDelay(true);
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const end = received.indexOf(0);
      if (end >= 0) finish(undefined, received.subarray(0, end).toString('utf8'));
      else if (received.length > MAX_REPLY) {
        finish(new ScannerUnavailable('protocol', `clamd at ${where} sent an unterminated reply`));
      }
    });
    socket.on('error', (cause: Error) => {
      const what = connected ? 'lost the connection to' : 'cannot connect to';
      finish(new ScannerUnavailable('unreachable', `${what} clamd at ${where}: ${cause.message}`, { cause }));
    });
    socket.on('close', () => {
      // A reply without its terminator still says what clamd thought (e.g. a size-limit ERROR).
      const partial = received.toString('utf8').trim();
      if (partial) {
        try {
          parseInstreamReply(partial);
        } catch (error) {
          return finish(error as Error);
        }
      }
      finish(
        new ScannerUnavailable('unreachable', `clamd at ${where} closed the connection without a verdict`),
      );
    });
    socket.once('connect', () => {
      connected = true;
      write(socket, () => settled).catch((error: unknown) => {
        // A write that failed because the socket went away is reported by 'error'/'close'; an input
        // stream's own error is passed on as it is.
        if (error instanceof SocketGone) {
          finish(
            new ScannerUnavailable('unreachable', `lost the connection to clamd at ${where}`, {
              cause: error,
            }),
          );
        } else finish(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
}

async function sendInstream(
  socket: net.Socket,
  input: Buffer | Readable,
  chunkBytes: number,
  answered: () => boolean,
): Promise<void> {
  await send(socket, Buffer.from('zINSTREAM\0'));
  for await (const piece of pieces(input, chunkBytes)) {
    // clamd may answer (and close) before the end, e.g. when the stream passes its size limit.
    if (answered()) return;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(piece.length);
    await send(socket, Buffer.concat([length, piece]));
  }
  if (!answered()) await send(socket, Buffer.alloc(4));
}

async function* pieces(input: Buffer | Readable, size: number): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(input)) {
    for (let at = 0; at < input.length; at += size) yield input.subarray(at, at + size);
    return;
  }
  for await (const chunk of input) {
    const buffer: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
  }
}

class SocketGone extends Error {
  override name = 'SocketGone';
}

/** Writes and waits for the kernel to take the bytes (backpressure); rejects if the socket closes. */
function send(socket: net.Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || !socket.writable) return reject(new SocketGone('clamd connection closed'));
    if (socket.write(data)) return resolve();
    const done = (error?: Error) => {
      socket.off('drain', onDrain);
      socket.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new SocketGone('clamd connection closed'));
    socket.on('drain', onDrain);
    socket.on('close', onClose);
  });
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
