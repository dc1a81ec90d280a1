/**
 * A real clamd for a test file (SPEC AP-5, ADR 0020): its own temporary folder with a config
 * (TCP on a free port of 127.0.0.1, foreground) and a signature database of one test signature
 * for the EICAR test string, written here, so no internet and no freshclam are needed. clamd
 * answers PING about 30 ms after start; `stop()` ends it and waits for it to exit.
 *
 * clamd is Debian's clamav-daemon (/usr/sbin/clamd; CLAMD_BIN overrides). Without it these tests
 * fail — they do not skip — with a message saying what to install (.ci/run installs it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { createClamdScanner } from '../../src/adapters/virus-scan/clamd-scanner.ts';
import type { VirusScanner } from '../../src/adapters/virus-scan/virus-scanner.ts';

/** The name in the test database; clamd reports it with `.UNOFFICIAL` (not a signed database). */
export const EICAR_SIGNATURE = 'HelloWork.Test.EICAR';
export const EICAR_FINDING = `${EICAR_SIGNATURE}.UNOFFICIAL`;

/** The EICAR anti-virus test file (68 bytes), built from parts so no file in the repo is "infected". */
export function eicar(): Buffer {
  const parts = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-', 'ANTIVIRUS-TEST-FILE!', '$H+H*'];
  return Buffer.from(parts.join(''), 'latin1');
}

export interface ClamdLimits {
  /** clamd's StreamMaxLength: an INSTREAM longer than this is refused with an ERROR. */
  streamMaxBytes: number;
  /** clamd's MaxFileSize: with AlertExceedsMax a larger file is reported as Heuristics.Limits.Exceeded. */
  maxFileBytes: number;
}

export interface Clamd {
  host: string;
  port: number;
  limits: ClamdLimits;
  /** A client of this clamd (createClamdScanner), by default with a 10 s timeout. */
  scanner(options?: { timeoutMs?: number; chunkBytes?: number }): VirusScanner;
  /** Ends clamd (SIGTERM, SIGKILL after 5 s) and waits until it has exited; removes its folder. */
  stop(): Promise<void>;
}

const DEFAULT_LIMITS: ClamdLimits = { streamMaxBytes: 3 * 1024 * 1024, maxFileBytes: 2 * 1024 * 1024 };

export async function startClamd(limits: ClamdLimits = DEFAULT_LIMITS): Promise<Clamd> {
  const binary = await findClamd();
  const dir = await mkdtemp(path.join(tmpdir(), 'hw-clamd-'));
  try {
    await mkdir(path.join(dir, 'db'));
    await writeFile(path.join(dir, 'db', 'test.ndb'), `${EICAR_SIGNATURE}:0:*:${eicar().toString('hex')}\n`);
    // A port found free can be taken before clamd binds it (other test files run at once): try again.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const config = path.join(dir, 'clamd.conf');
      await writeFile(config, clamdConfig(dir, port, limits));
      const started = await launch(binary, config, port, dir);
      if (started.ok) return handle(started.child, port, limits, dir);
      if (attempt >= 3) throw new Error(`clamd did not start: ${started.why}`);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function clamdConfig(dir: string, port: number, limits: ClamdLimits): string {
  return [
    `TCPSocket ${port}`,
    'TCPAddr 127.0.0.1',
    'Foreground yes',
    `DatabaseDirectory ${path.join(dir, 'db')}`,
    `TemporaryDirectory ${dir}`,
    `LogFile ${path.join(dir, 'clamd.log')}`,
    `StreamMaxLength ${limits.streamMaxBytes}`,
    `MaxFileSize ${limits.maxFileBytes}`,
    `MaxScanSize ${limits.streamMaxBytes * 4}`,
    'AlertExceedsMax yes',
    'AlertEncrypted yes',
    'ScanArchive yes',
    'SelfCheck 0',
    'MaxThreads 12',
    '',
  ].join('\n');
}

async function findClamd(): Promise<string> {
  const candidates = [process.env.CLAMD_BIN, '/usr/sbin/clamd', '/usr/local/sbin/clamd'].filter(
    (c): c is string => Boolean(c),
  );
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error(
    `clamd is not installed (looked for ${candidates.join(', ')}). The virus-scan tests need a real clamd: ` +
      "install Debian's clamav-daemon (DEBIAN_FRONTEND=noninteractive apt-get install -y clamav-daemon; .ci/run does this) " +
      'or set CLAMD_BIN to its path.',
  );
}

type Launch = { ok: true; child: ChildProcess } | { ok: false; why: string };

async function launch(binary: string, config: string, port: number, dir: string): Promise<Launch> {
  const child = spawn(binary, [`--config-file=${config}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`;
  });
  child.once('error', (error) => {
    exited = error.message;
  });
  const probe = createClamdScanner({ host: '127.0.0.1', port, timeoutMs: 1_000 });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (exited) return { ok: false, why: `${exited}: ${stderr.trim()} ${await logTail(dir)}` };
    if (await probe.ping()) return { ok: true, child };
    await wait(10); // poll: clamd loads its database, then binds and answers PING
  }
  child.kill('SIGKILL');
  return { ok: false, why: `no PONG within 20 s: ${stderr.trim()} ${await logTail(dir)}` };
}

async function logTail(dir: string): Promise<string> {
  try {
    return (await readFile(path.join(dir, 'clamd.log'), 'utf8')).slice(-2000);
  } catch {
    return '';
  }
}

function handle(child: ChildProcess, port: number, limits: ClamdLimits, dir: string): Clamd {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // Should the test process end without stop() (a crash, an interrupted run), clamd ends with it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  let stopping: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
    limits,
    scanner: (options = {}) =>
      createClamdScanner({
        host: '127.0.0.1',
        port,
        timeoutMs: options.timeoutMs ?? 10_000,
        chunkBytes: options.chunkBytes,
      }),
    stop() {
      stopping ??= (async () => {
        process.off('exit', orphanGuard);
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
