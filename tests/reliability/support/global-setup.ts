/**
 * Global set-up of `npm run test:reliability`: the database template of the ordinary suite, a clean
 * slate for this engine's figures, logs and canaries, and at the end row G1 over the whole run: every
 * canary secret any test registered (support/context.ts) is searched for in every log line any test
 * app wrote. A hit fails the run.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import databaseSetup from '../../support/global-setup.ts';
import { engineName, RELIABILITY_OUT, report } from './report.ts';

export default async function setup() {
  const engine = engineName();
  // A run of the whole suite starts this engine's figures afresh; HW_RELIABILITY_KEEP=1 (a run of some
  // files) keeps the others' (the document takes each row's latest line).
  if (!process.env.HW_RELIABILITY_KEEP)
    rmSync(path.join(RELIABILITY_OUT, `${engine}.jsonl`), { force: true });
  rmSync(path.join(RELIABILITY_OUT, 'canaries', `${engine}.jsonl`), { force: true });
  const logDir = path.join(RELIABILITY_OUT, 'logs');
  if (existsSync(logDir)) {
    for (const f of readdirSync(logDir)) if (f.startsWith(`${engine}-`)) rmSync(path.join(logDir, f));
  }
  const teardownDatabase = await databaseSetup();
  return async () => {
    await teardownDatabase();
    const result = grepCanaries(engine);
    report(
      'G1',
      'every canary secret of the run (passwords, 認証キー, session ids, document text) searched in every log line',
      { canaries: result.canaries, logFiles: result.files, logLines: result.lines, hits: result.hits.length },
      '0 hits',
    );
    if (result.hits.length > 0) {
      throw new Error(
        `G1: ${result.hits.length} canary secret(s) found in logs:\n${result.hits.slice(0, 20).join('\n')}`,
      );
    }
  };
}

export function grepCanaries(engine: string): {
  canaries: number;
  files: number;
  lines: number;
  hits: string[];
} {
  const canaryFile = path.join(RELIABILITY_OUT, 'canaries', `${engine}.jsonl`);
  const secrets = existsSync(canaryFile)
    ? readFileSync(canaryFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { kind: string; secret: string })
    : [];
  const logDir = path.join(RELIABILITY_OUT, 'logs');
  const files = existsSync(logDir) ? readdirSync(logDir).filter((f) => f.startsWith(`${engine}-`)) : [];
  let lines = 0;
  const hits: string[] = [];
  for (const f of files) {
    for (const line of readFileSync(path.join(logDir, f), 'utf8').split('\n')) {
      if (!line) continue;
      lines++;
      // A log line is JSON: look in it as written and in its values with the escapes undone.
      const values = stringsIn(JSON.parse(line)).join('\n');
      for (const { kind, secret } of secrets) {
        if (line.includes(secret) || values.includes(secret)) {
          hits.push(`${kind} in ${f}: ${line.slice(0, 200)}`);
        }
      }
    }
  }
  return { canaries: secrets.length, files: files.length, lines, hits };
}

function stringsIn(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => [k, ...stringsIn(x)]);
}
