import { describe, expect, it } from 'vitest';
import { parseInstreamReply } from '../../src/adapters/virus-scan/clamd-scanner.ts';
import { ScannerUnavailable } from '../../src/adapters/virus-scan/virus-scanner.ts';

function reasonOf(reply: string): string {
  try {
    parseInstreamReply(reply);
  } catch (error) {
    expect(error).toBeInstanceOf(ScannerUnavailable);
    return (error as ScannerUnavailable).reason;
  }
  throw new Error(`"${reply}" was taken as a verdict`);
}

describe('AP-5 reading clamd INSTREAM replies (pure)', () => {
  it('AP-5 only "stream: OK" is clean', () => {
    expect(parseInstreamReply('stream: OK')).toEqual({ kind: 'clean' });
    expect(parseInstreamReply('stream: OK\n')).toEqual({ kind: 'clean' });
  });

  it('AP-5 "stream: <name> FOUND" is infected with that name', () => {
    expect(parseInstreamReply('stream: Eicar-Test-Signature FOUND')).toEqual({
      kind: 'infected',
      signature: 'Eicar-Test-Signature',
    });
    expect(parseInstreamReply('stream: HelloWork.Test.EICAR.UNOFFICIAL FOUND')).toEqual({
      kind: 'infected',
      signature: 'HelloWork.Test.EICAR.UNOFFICIAL',
    });
    expect(parseInstreamReply('stream: Heuristics.Limits.Exceeded.MaxFileSize FOUND')).toEqual({
      kind: 'infected',
      signature: 'Heuristics.Limits.Exceeded.MaxFileSize',
    });
  });

  it('AP-5 drops the (hash:size) that ExtendedDetectionInfo appends to the name', () => {
    expect(
      parseInstreamReply('stream: Win.Test.EICAR_HDB-1(44d88612fea8a8f36de82e1278abb02f:68) FOUND'),
    ).toEqual({
      kind: 'infected',
      signature: 'Win.Test.EICAR_HDB-1',
    });
  });

  it('AP-5 the size-limit ERROR is refused, never clean', () => {
    expect(reasonOf('INSTREAM size limit exceeded. ERROR')).toBe('refused');
  });

  it.each([
    'stream: Can not allocate memory ERROR',
    'UNKNOWN COMMAND',
    'COMMAND READ TIMED OUT',
    '',
    'OK',
    'stream: OKAY',
    'stream: OK stream: OK',
    'PONG',
    'stream: FOUND',
    '1: stream: OK',
  ])('AP-5 %j is not a verdict (protocol)', (reply) => {
    expect(reasonOf(reply)).toBe('protocol');
  });
});
