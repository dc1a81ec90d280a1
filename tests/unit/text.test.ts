import { describe, expect, it } from 'vitest';
import { foldDashes } from '../../src/platform/text.ts';

describe('G-1 one dash folding for numbers and codes', () => {
  it('G-1 foldDashes turns every dash people type in numbers into "-"', () => {
    for (const dash of ['-', '‐', '‑', '‒', '–', '—', '―', '−', '－', 'ー', 'ｰ'])
      expect(foldDashes(`03${dash}1234${dash}5678`)).toBe('03-1234-5678');
  });
  it('G-1 foldDashes leaves other characters alone (〜, ・, ~ are not dashes)', () => {
    expect(foldDashes('9:00〜17:00・~')).toBe('9:00〜17:00・~');
  });
});
