/**
 * The virus-scanner port (SPEC AP-5, ADR 0020): what the rest of the code knows about scanning a
 * document. A scan answers clean or infected, or throws ScannerUnavailable; it never answers clean
 * because something went wrong. Adapters: clamd (INSTREAM over TCP) and "unavailable" (no scanner).
 */
import type { Readable } from 'node:stream';

export type ScanVerdict = { kind: 'clean' } | { kind: 'infected'; signature: string };

/**
 * Why a scan got no verdict. `not_configured`: there is no scanner; `unreachable`: no connection
 * (refused, reset, DNS); `timeout`: no answer in time; `refused`: clamd would not scan this input
 * (e.g. "INSTREAM size limit exceeded"); `protocol`: an answer we do not understand or an ERROR.
 */
export const SCANNER_UNAVAILABLE_REASONS = [
  'not_configured',
  'unreachable',
  'timeout',
  'refused',
  'protocol',
] as const;
export type ScannerUnavailableReason = (typeof SCANNER_UNAVAILABLE_REASONS)[number];

export class ScannerUnavailable extends Error {
  override name = 'ScannerUnavailable';
  constructor(
    readonly reason: ScannerUnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isScannerUnavailable(error: unknown): error is ScannerUnavailable {
  return error instanceof ScannerUnavailable;
}

export interface VirusScanner {
  /** `clamd`: a real scanner; `unavailable`: every scan throws, so screens can say scanning is off. */
  readonly kind: 'clamd' | 'unavailable';
  /** Scans the bytes. Resolves only with a verdict clamd gave; any failure throws (ScannerUnavailable). */
  scan(input: Buffer | Readable): Promise<ScanVerdict>;
  /** Whether the scanner answers now (clamd PING → PONG). Never throws. */
  ping(): Promise<boolean>;
}
