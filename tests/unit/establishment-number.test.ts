import { describe, expect, it } from 'vitest';
import {
  establishmentNumberField,
  parseEstablishmentNumber,
} from '../../src/modules/employers/establishment-number.ts';

describe('SR-7 EM-4 one 事業所番号 parser', () => {
  it.each([
    ['1301-900001-1', '1301-900001-1'],
    ['13019000011', '1301-900001-1'],
    ['１３０１９００００１１', '1301-900001-1'],
    ['１３０１－９００００１－１', '1301-900001-1'],
    ['1301ー900001ー1', '1301-900001-1'],
    ['1301−900001−1', '1301-900001-1'],
    ['1301‐900001‐1', '1301-900001-1'],
    ['1301–900001–1', '1301-900001-1'],
    [' 1301 - 900001 - 1 ', '1301-900001-1'],
  ])('SR-7 reads %s as %s', (typed, parsed) => {
    expect(parseEstablishmentNumber(typed)).toBe(parsed);
    expect(establishmentNumberField().parse(typed)).toBe(parsed);
  });

  it.each(['1301-90001-1', '130190000111', '1301900001', '1301-900001-', 'abcd-efghij-k', '13-01900001-1'])(
    'SR-7 refuses %s',
    (typed) => {
      expect(parseEstablishmentNumber(typed)).toBeUndefined();
      expect(establishmentNumberField().safeParse(typed).success).toBe(false);
    },
  );

  it('SR-7 an empty field is required, not malformed', () => {
    const result = establishmentNumberField().safeParse('');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('required');
  });
});
