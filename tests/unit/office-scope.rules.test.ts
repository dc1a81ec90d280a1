import { describe, expect, it } from 'vitest';
import { mayChangeAsOffice } from '../../src/modules/offices/office-scope.rules.ts';

describe('G-2 only the home office (管轄) changes a record', () => {
  it('G-2 staff of the home office may change the record, staff of another office may not', () => {
    expect(mayChangeAsOffice('13010', '13010')).toBe(true);
    expect(mayChangeAsOffice('13020', '13010')).toBe(false);
  });
  it('G-2 a record without a home office yet may be taken on by any office', () => {
    expect(mayChangeAsOffice('13020', null)).toBe(true);
  });
});
