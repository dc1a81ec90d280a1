import { describe, expect, it } from 'vitest';
import {
  listOutcome,
  MAX_FAVORITES,
  MAX_SAVED_SEARCHES,
} from '../../src/modules/search/seeker-lists.rules.ts';

describe('SR-2 SR-3 limits of a seeker’s lists', () => {
  it('SR-2 a third saved search fits, a fourth does not', () => {
    expect(MAX_SAVED_SEARCHES).toBe(3);
    expect(listOutcome(2, MAX_SAVED_SEARCHES)).toBe('added');
    expect(listOutcome(3, MAX_SAVED_SEARCHES)).toBe('full');
    expect(listOutcome(4, MAX_SAVED_SEARCHES)).toBe('full');
  });
  it('SR-3 the 300th favourite fits, the 301st does not', () => {
    expect(MAX_FAVORITES).toBe(300);
    expect(listOutcome(0, MAX_FAVORITES)).toBe('added');
    expect(listOutcome(299, MAX_FAVORITES)).toBe('added');
    expect(listOutcome(300, MAX_FAVORITES)).toBe('full');
  });
  it('SR-3 a job already in the list is reported as such, even when the list is full', () => {
    expect(listOutcome(10, MAX_FAVORITES, true)).toBe('already');
    expect(listOutcome(300, MAX_FAVORITES, true)).toBe('already');
    expect(listOutcome(10, MAX_FAVORITES, false)).toBe('added');
  });
});
