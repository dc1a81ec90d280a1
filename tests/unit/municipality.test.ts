import { describe, expect, it } from 'vitest';
import {
  DESIGNATED_CITIES,
  locateWorkplace,
  MUNICIPALITIES,
  municipalityByCode,
  resolveMunicipalityQuery,
} from '../../src/modules/geo/municipality.ts';

const code = (prefectureCode: string, name: string) =>
  MUNICIPALITIES.find((m) => m.prefectureCode === prefectureCode && m.name === name)!.code;

describe('SR-1 municipality codes', () => {
  it('SR-1 codes are the prefecture and the place in its list, stable for the first entries', () => {
    expect(code('13', '千代田区')).toBe('13-002');
    expect(code('14', '横浜市')).toBe('14-001');
    expect(municipalityByCode('14-001')?.name).toBe('横浜市');
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(MUNICIPALITIES.length);
  });

  it('SR-1 all 20 designated cities are in the list', () => {
    expect(DESIGNATED_CITIES.size).toBe(20);
    for (const name of DESIGNATED_CITIES) expect(MUNICIPALITIES.some((m) => m.name === name)).toBe(true);
  });

  it('SR-1 a workplace is located from its 市区町村 field or its address, with the ward of a designated city', () => {
    const yokohama = code('14', '横浜市');
    expect(
      locateWorkplace({ prefectureCode: '14', city: '横浜市中区', workplaceAddress: '山下町1' }),
    ).toEqual({
      code: yokohama,
      ward: '中区',
    });
    expect(
      locateWorkplace({ prefectureCode: '14', city: '横浜市', workplaceAddress: '港北区新横浜2-1' }),
    ).toEqual({
      code: yokohama,
      ward: '港北区',
    });
    expect(
      locateWorkplace({
        prefectureCode: '14',
        city: '',
        workplaceAddress: '神奈川県横浜市西区みなとみらい1-1',
      }),
    ).toEqual({ code: yokohama, ward: '西区' });
    expect(
      locateWorkplace({ prefectureCode: '13', city: '千代田区', workplaceAddress: '霞が関1-2-2' }),
    ).toEqual({
      code: '13-002',
      ward: null,
    });
    expect(
      locateWorkplace({ prefectureCode: '13', city: '', workplaceAddress: '東京都千代田区千代田1-1' }),
    ).toEqual({
      code: '13-002',
      ward: null,
    });
    expect(locateWorkplace({ prefectureCode: '13', city: '架空市', workplaceAddress: '1-1' })).toBeNull();
  });

  it('SR-1 a search value: exact name, a ward, or a name without its suffix when only one fits', () => {
    const yokohama = code('14', '横浜市');
    expect(resolveMunicipalityQuery('横浜市', ['14'])).toEqual([{ code: yokohama, ward: null }]);
    expect(resolveMunicipalityQuery('横浜市中区', [])).toEqual([{ code: yokohama, ward: '中区' }]);
    expect(resolveMunicipalityQuery('千代田', ['13'])).toEqual([{ code: '13-002', ward: null }]);
    expect(resolveMunicipalityQuery('ちよだ', ['13'])).toEqual([]);
    // 府中市 is in 東京都 and 広島県: the exact name means both unless a prefecture is chosen.
    expect(resolveMunicipalityQuery('府中市', [])).toHaveLength(2);
    expect(resolveMunicipalityQuery('府中市', ['13'])).toEqual([{ code: code('13', '府中市'), ward: null }]);
    expect(resolveMunicipalityQuery('府中', [])).toEqual([]);
    expect(resolveMunicipalityQuery('府中', ['34'])).toEqual([{ code: code('34', '府中市'), ward: null }]);
  });
});
