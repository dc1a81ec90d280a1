/**
 * The test app of tests/support/test-app.ts, with two additions for the suite:
 * - every log line the app wrote is kept in reports/reliability/logs/ when the context closes, so the
 *   G1 check (global teardown) greps the whole suite's logs for the canaries below;
 * - `canary(kind)` hands out a secret that must never appear in a log line: a password, a 認証キー,
 *   a session id, a document's text. Use one wherever a test types or uploads such a secret.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { engineName, RELIABILITY_OUT } from './report.ts';

let opened = 0;

export async function reliabilityContext(
  options: Parameters<typeof createTestContext>[0] = {},
): Promise<TestContext> {
  const ctx = await createTestContext(options);
  const name = `${engineName()}-${process.pid}-${++opened}`;
  const close = ctx.close;
  return Object.assign(ctx, {
    async close() {
      saveLogs(name, ctx.logs);
      await close();
    },
  });
}

/** Writes log lines to reports/reliability/logs/<name>.jsonl (one JSON object per line). */
export function saveLogs(name: string, lines: readonly unknown[]): void {
  const dir = path.join(RELIABILITY_OUT, 'logs');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n'));
}

export type CanaryKind = 'password' | 'auth-key' | 'session-id' | 'document-text' | 'other';

/**
 * A recognisable secret of the given kind, registered for the G1 grep. `base` lets a caller shape it
 * (a password must satisfy the policy; a 認証キー is issued by the app and registered as is).
 */
export function canary(kind: CanaryKind, value?: string): string {
  const secret = value ?? `Cnry-${kind}-${randomBytes(6).toString('hex')}-9Zz`;
  const dir = path.join(RELIABILITY_OUT, 'canaries');
  mkdirSync(dir, { recursive: true });
  appendFileSync(path.join(dir, `${engineName()}.jsonl`), `${JSON.stringify({ kind, secret })}\n`);
  return secret;
}
