/**
 * The real worker entry (src/worker.ts, `npm run start:worker`) as a child process, for row F3:
 * started with the environment a deployment gives it, killed with SIGKILL (no shutdown code runs),
 * started again. Its log lines (JSON, one per line on stdout) are kept for the G1 canary grep.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface WorkerProcess {
  pid: number;
  /** Resolves when the worker logged 'worker started' (its queue is working). */
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

export interface WorkerLogs {
  lines: unknown[];
  /** stderr text (start-up failures), bounded. */
  stderr: string[];
}

export function startWorkerProcess(env: Record<string, string>, logs: WorkerLogs): WorkerProcess {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let readyResolve: () => void = () => {};
  let readyReject: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  ready.catch(() => {});
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = { raw: line };
    }
    logs.lines.push(parsed);
    if ((parsed as { msg?: string }).msg === 'worker started') readyResolve();
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (logs.stderr.length < 200) logs.stderr.push(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      readyReject(new Error(`worker exited before it started (code ${code}, signal ${signal})`));
      resolve({ code, signal });
    });
  });
  return {
    pid: child.pid!,
    ready,
    exited,
    kill: (signal) => {
      child.kill(signal);
    },
  };
}
