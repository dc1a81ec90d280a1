/**
 * The scanner of a configuration without clamd (ADR 0020): every scan throws ScannerUnavailable,
 * so every document stays 確認中 and nothing is delivered unscanned (fail closed, SPEC AP-5).
 */
import type { Readable } from 'node:stream';
import { ScannerUnavailable, type VirusScanner } from './virus-scanner.ts';

export function createUnavailableScanner(reason: string): VirusScanner {
  return {
    kind: 'unavailable',
    async scan(input: Buffer | Readable) {
      // Do not leave a caller's stream open and paused: we will never read it.
      if (!Buffer.isBuffer(input)) input.destroy();
      throw new ScannerUnavailable('not_configured', `virus scanning is not available: ${reason}`);
    },
    async ping() {
      return false;
    },
  };
}
