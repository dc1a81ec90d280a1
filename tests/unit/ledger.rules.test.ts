import { describe, expect, it } from 'vitest';
import {
  formatEntries,
  LEDGER_FILE,
  type LedgerEntry,
  ledgerFileName,
  parseLedger,
  reapplyAction,
} from '../../src/modules/applications/ledger.rules.ts';

const entry = (o: Partial<LedgerEntry> = {}): LedgerEntry => ({
  v: 1,
  at: '2026-11-21T01:00:00.000Z',
  reason: 'cancelled',
  documentId: '0b7e3c1e-4f7a-4c1d-9d6e-2f1a3b4c5d6e',
  applicationId: '5a1f2e3d-4c5b-4a69-8877-665544332211',
  storageKey: 'abcdefghijklmnopqrstuvwxyz012345',
  sha256: 'a'.repeat(64),
  ...o,
});

describe('deletion ledger lines (ADR 0032)', () => {
  it('formats one JSON object a line and parses it back', () => {
    const entries = [entry(), entry({ reason: 'withheld', finding: 'Eicar-Test-Signature' })];
    const text = formatEntries(entries);
    expect(text.split('\n')).toHaveLength(3);
    expect(text.endsWith('\n')).toBe(true);
    expect(parseLedger(text)).toEqual({ entries, skipped: 0 });
  });

  it('refuses to format an entry that would not parse back', () => {
    expect(() => formatEntries([entry({ sha256: 'xyz' })])).toThrow();
    expect(() => formatEntries([entry({ reason: 'lost' as never })])).toThrow();
  });

  it('skips a torn last line and any foreign line, counting them; blank lines are nothing', () => {
    const good = formatEntries([entry()]);
    const torn = `${good}\n\n${good.slice(0, 40)}`;
    expect(parseLedger(torn)).toEqual({ entries: [entry()], skipped: 1 });
    expect(parseLedger(`not json\n{"v":2}\n${good}`)).toEqual({ entries: [entry()], skipped: 2 });
    expect(parseLedger('')).toEqual({ entries: [], skipped: 0 });
  });

  it('one file a month (UTC), named so that sorting is chronological', () => {
    expect(ledgerFileName(new Date('2026-11-30T23:59:59Z'))).toBe('erasures-2026-11.jsonl');
    expect(ledgerFileName(new Date('2026-12-01T00:00:00Z'))).toBe('erasures-2026-12.jsonl');
    expect(LEDGER_FILE.test('erasures-2026-11.jsonl')).toBe(true);
    expect(LEDGER_FILE.test('erasures-2026-11.jsonl.tmp')).toBe(false);
  });

  it('says what re-applying an entry does to its row', () => {
    expect(reapplyAction(entry({ reason: 'cancelled' }))).toBe('erase-application');
    expect(reapplyAction(entry({ reason: 'decided' }))).toBe('erase-application');
    expect(reapplyAction(entry({ reason: 'retention' }))).toBe('erase-application');
    expect(reapplyAction(entry({ reason: 'withheld' }))).toBe('withhold');
    expect(reapplyAction(entry({ reason: 'draft-removed' }))).toBe('drop-draft-document');
    expect(reapplyAction(entry({ reason: 'draft-expired' }))).toBe('drop-draft-document');
    expect(reapplyAction(entry({ reason: 'draft-over-limit', documentId: null }))).toBe('none');
  });
});
