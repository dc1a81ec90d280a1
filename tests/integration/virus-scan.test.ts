/**
 * The clamd INSTREAM client against a real clamd with a test signature for EICAR (SPEC AP-5,
 * ADR 0020), and against small fake servers for what a real clamd will not do on demand (hang,
 * answer nonsense, hang up).
 */
import net from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClamdScanner } from '../../src/adapters/virus-scan/clamd-scanner.ts';
import { createUnavailableScanner } from '../../src/adapters/virus-scan/unavailable-scanner.ts';
import { ScannerUnavailable, type ScanVerdict } from '../../src/adapters/virus-scan/virus-scanner.ts';
import { type Clamd, EICAR_FINDING, eicar, freePort, startClamd } from '../support/clamd.ts';
import { zip } from '../support/zip.ts';

/** The ScannerUnavailable a promise rejects with (and fails the test if it resolves). */
async function unavailable(promise: Promise<ScanVerdict>): Promise<ScannerUnavailable> {
  const outcome = await promise.then(
    (verdict) => ({ verdict }),
    (error: unknown) => ({ error }),
  );
  if ('verdict' in outcome)
    throw new Error(`expected ScannerUnavailable, got ${JSON.stringify(outcome.verdict)}`);
  expect(outcome.error).toBeInstanceOf(ScannerUnavailable);
  return outcome.error as ScannerUnavailable;
}

function pdfLike(size: number): Buffer {
  const body = Buffer.alloc(size, 0x41);
  Buffer.from('%PDF-1.7\n').copy(body);
  return body;
}

/** A Readable that hands out `data` in pieces of `size` bytes, one per read, as a file stream does. */
function streamOf(data: Buffer, size = 16 * 1024): Readable {
  let at = 0;
  return new Readable({
    read() {
      if (at >= data.length) return void this.push(null);
      this.push(data.subarray(at, at + size));
      at += size;
    },
  });
}

describe('AP-5 scanning with a real clamd (INSTREAM over TCP)', () => {
  let clamd: Clamd;
  beforeAll(async () => {
    clamd = await startClamd();
  });
  afterAll(() => clamd?.stop());

  it('AP-5 answers PING', async () => {
    await expect(clamd.scanner().ping()).resolves.toBe(true);
  });

  it('AP-5 clean bytes are clean, from a Buffer and from a stream', async () => {
    const scanner = clamd.scanner();
    await expect(scanner.scan(Buffer.from('志望動機と職務経歴書です。'))).resolves.toEqual({ kind: 'clean' });
    await expect(scanner.scan(streamOf(pdfLike(300_000)))).resolves.toEqual({ kind: 'clean' });
    await expect(scanner.scan(Buffer.alloc(0))).resolves.toEqual({ kind: 'clean' });
  });

  it('AP-5 the EICAR test file is infected, with the signature name clamd reports', async () => {
    const scanner = clamd.scanner();
    await expect(scanner.scan(eicar())).resolves.toEqual({ kind: 'infected', signature: EICAR_FINDING });
    // Cut into 7-byte INSTREAM chunks, so the signature spans chunk boundaries.
    await expect(clamd.scanner({ chunkBytes: 7 }).scan(streamOf(eicar(), 5))).resolves.toEqual({
      kind: 'infected',
      signature: EICAR_FINDING,
    });
    // Inside a larger file.
    const embedded = Buffer.concat([pdfLike(100_000), eicar(), Buffer.alloc(5_000, 0x20)]);
    await expect(scanner.scan(embedded)).resolves.toEqual({ kind: 'infected', signature: EICAR_FINDING });
  });

  it('AP-5 EICAR inside a zip (as in a .docx) is found, stored or deflated', async () => {
    const scanner = clamd.scanner();
    const stored = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/media/eicar.bin', data: eicar() },
    ]);
    const deflated = zip([
      {
        name: 'word/document.xml',
        data: Buffer.concat([Buffer.alloc(2_000, 0x20), eicar()]),
        method: 'deflate',
      },
    ]);
    // The deflated archive does not contain the string as such: only clamd's unpacking finds it.
    expect(deflated.includes(eicar())).toBe(false);
    await expect(scanner.scan(stored)).resolves.toEqual({ kind: 'infected', signature: EICAR_FINDING });
    await expect(scanner.scan(deflated)).resolves.toEqual({ kind: 'infected', signature: EICAR_FINDING });
    const harmless = zip([
      { name: 'word/document.xml', data: Buffer.from('<w:document/>'), method: 'deflate' },
    ]);
    await expect(scanner.scan(harmless)).resolves.toEqual({ kind: 'clean' });
  });

  it('AP-5 a file over clamd MaxFileSize is not clean (AlertExceedsMax reports it)', async () => {
    const verdict = await clamd.scanner().scan(pdfLike(clamd.limits.maxFileBytes + 500_000));
    expect(verdict).toEqual({ kind: 'infected', signature: 'Heuristics.Limits.Exceeded.MaxFileSize' });
  });

  it('AP-5 a stream over StreamMaxLength is never clean: ScannerUnavailable (refused)', async () => {
    // clamd answers 「INSTREAM size limit exceeded. ERROR」 and hangs up while we are still sending:
    // depending on timing we read the answer (refused) or only see the connection reset
    // (unreachable; the kernel drops the unread answer). Both are "no verdict", never clean.
    const big = pdfLike(clamd.limits.streamMaxBytes + 1_000_000);
    const reasons = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const error = await unavailable(clamd.scanner().scan(big));
      reasons.add(error.reason);
      if (error.reason === 'refused') expect(error.message).toContain('INSTREAM size limit exceeded');
    }
    const input = streamOf(big);
    reasons.add((await unavailable(clamd.scanner().scan(input))).reason);
    expect(input.destroyed).toBe(true);
    for (const reason of reasons) expect(['refused', 'unreachable']).toContain(reason);
    // clamd is still fine afterwards.
    await expect(clamd.scanner().scan(Buffer.from('ok'))).resolves.toEqual({ kind: 'clean' });
  });

  it('AP-5 ten scans at once are all answered, each with its own verdict', async () => {
    const scanner = clamd.scanner();
    const inputs = Array.from({ length: 10 }, (_, i) =>
      i % 3 === 0 ? Buffer.concat([pdfLike(50_000 + i), eicar()]) : pdfLike(200_000 + i * 1_000),
    );
    const verdicts = await Promise.all(
      inputs.map((input, i) => scanner.scan(i % 2 ? streamOf(input) : input)),
    );
    expect(verdicts).toEqual(
      inputs.map((_, i) =>
        i % 3 === 0 ? { kind: 'infected', signature: EICAR_FINDING } : { kind: 'clean' },
      ),
    );
  });

  it('AP-5 an input stream that fails is passed on as its own error, never as a verdict', async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('disk read failed'));
      },
    });
    await expect(clamd.scanner().scan(broken)).rejects.toThrow('disk read failed');
  });
});

describe('AP-5 clamd stopped', () => {
  it('AP-5 scans throw ScannerUnavailable (unreachable) and ping is false once clamd is gone', async () => {
    const clamd = await startClamd();
    const scanner = clamd.scanner();
    await expect(scanner.scan(Buffer.from('before'))).resolves.toEqual({ kind: 'clean' });
    await clamd.stop();
    const error = await unavailable(scanner.scan(eicar()));
    expect(error.reason).toBe('unreachable');
    expect(error.message).toContain(`127.0.0.1:${clamd.port}`);
    const input = streamOf(Buffer.from('a stream'));
    expect((await unavailable(scanner.scan(input))).reason).toBe('unreachable');
    expect(input.destroyed).toBe(true);
    await expect(scanner.ping()).resolves.toBe(false);
  });
});

describe('AP-5 a clamd that misbehaves (fake servers)', () => {
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  /** A server that runs `onConnection` for each client; resolves with its port. */
  async function fake(onConnection: (socket: net.Socket, received: () => Buffer) => void): Promise<number> {
    const server = net.createServer((socket) => {
      sockets.add(socket);
      let received = Buffer.alloc(0);
      socket.on('data', (d: Buffer) => {
        received = Buffer.concat([received, d]);
      });
      socket.on('error', () => {});
      onConnection(socket, () => received);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as net.AddressInfo).port;
  }
  const scannerAt = (port: number, timeoutMs = 300) =>
    createClamdScanner({ host: '127.0.0.1', port, timeoutMs });

  /** Waits until the fake has received the whole INSTREAM (the zero-length terminator). */
  function whenComplete(socket: net.Socket, received: () => Buffer, then: () => void) {
    socket.on('data', () => {
      const all = received();
      if (all.length >= 14 && all.subarray(-4).readUInt32BE(0) === 0) then();
    });
  }

  it('AP-5 a server that never answers: ScannerUnavailable (timeout) after timeoutMs, not later', async () => {
    const port = await fake(() => {});
    const started = performance.now();
    const error = await unavailable(scannerAt(port, 300).scan(Buffer.from('anything')));
    const took = performance.now() - started;
    expect(error.reason).toBe('timeout');
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(3_000);
    await expect(scannerAt(port, 300).ping()).resolves.toBe(false);
  });

  it('AP-5 the timeout also covers a stream that never ends', async () => {
    const port = await fake(() => {});
    const endless = new Readable({ read() {} }); // never pushes
    const error = await unavailable(scannerAt(port, 200).scan(endless));
    expect(error.reason).toBe('timeout');
    expect(endless.destroyed).toBe(true);
  });

  it('AP-5 the wire format is zINSTREAM, 4-byte big-endian lengths, a zero-length end', async () => {
    let wire: Buffer = Buffer.alloc(0);
    const port = await fake((socket, received) =>
      whenComplete(socket, received, () => {
        wire = received();
        socket.end('stream: OK\0');
      }),
    );
    const scanner = createClamdScanner({ host: '127.0.0.1', port, timeoutMs: 1_000, chunkBytes: 4 });
    await expect(scanner.scan(Buffer.from('abcdefghij'))).resolves.toEqual({ kind: 'clean' });
    const chunk = (text: string) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(text.length);
      return Buffer.concat([length, Buffer.from(text)]);
    };
    expect(wire).toEqual(
      Buffer.concat([Buffer.from('zINSTREAM\0'), chunk('abcd'), chunk('efgh'), chunk('ij'), Buffer.alloc(4)]),
    );
  });

  it.each([
    ['an ERROR', 'stream: Can not allocate memory ERROR\0', 'protocol'],
    ['UNKNOWN COMMAND', 'UNKNOWN COMMAND\0', 'protocol'],
    ['an unterminated OK, then a hang-up', 'stream: OK', 'unreachable'],
    ['nothing, then a hang-up', '', 'unreachable'],
    ['an unterminated size-limit ERROR', 'INSTREAM size limit exceeded. ERROR', 'refused'],
  ])('AP-5 a server answering %s is not clean', async (_label, answer, reason) => {
    const port = await fake((socket, received) => whenComplete(socket, received, () => socket.end(answer)));
    const error = await unavailable(scannerAt(port, 1_000).scan(Buffer.from('document')));
    expect(error.reason).toBe(reason);
  });

  it('AP-5 a server that hangs up at once: ScannerUnavailable (unreachable)', async () => {
    const port = await fake((socket) => socket.destroy());
    expect((await unavailable(scannerAt(port, 1_000).scan(pdfLike(500_000)))).reason).toBe('unreachable');
  });

  it('AP-5 a port where nothing listens: ScannerUnavailable (unreachable), ping false', async () => {
    const port = await freePort();
    expect((await unavailable(scannerAt(port).scan(Buffer.from('x')))).reason).toBe('unreachable');
    await expect(scannerAt(port).ping()).resolves.toBe(false);
  });

  it('AP-5 an endless reply without a terminator is a protocol error', async () => {
    const port = await fake((socket) => socket.write(Buffer.alloc(40_000, 0x41)));
    expect((await unavailable(scannerAt(port, 2_000).scan(Buffer.from('x')))).reason).toBe('protocol');
  });
});

describe('AP-5 no scanner configured', () => {
  it('AP-5 createUnavailableScanner fails closed: every scan throws not_configured, ping is false', async () => {
    const scanner = createUnavailableScanner('CLAMD_HOST is not set');
    expect(scanner.kind).toBe('unavailable');
    const error = await unavailable(scanner.scan(Buffer.from('x')));
    expect(error.reason).toBe('not_configured');
    expect(error.message).toContain('CLAMD_HOST is not set');
    const input = streamOf(eicar());
    await unavailable(scanner.scan(input));
    expect(input.destroyed).toBe(true);
    await expect(scanner.ping()).resolves.toBe(false);
  });
});
