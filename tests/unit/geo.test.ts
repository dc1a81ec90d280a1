import { describe, expect, it } from 'vitest';
import {
  PREFECTURE_CODES,
  PREFECTURES,
  prefectureByCode,
  prefectureName,
  REGIONS,
} from '../../src/modules/geo/geo.data.ts';

const TOKYO_WARDS = [
  '千代田区',
  '中央区',
  '港区',
  '新宿区',
  '文京区',
  '台東区',
  '墨田区',
  '江東区',
  '品川区',
  '目黒区',
  '大田区',
  '世田谷区',
  '渋谷区',
  '中野区',
  '杉並区',
  '豊島区',
  '北区',
  '荒川区',
  '板橋区',
  '練馬区',
  '足立区',
  '葛飾区',
  '江戸川区',
];

const MIN_MUNICIPALITIES: Record<string, number> = {
  '01': 15,
  '13': 23,
  '14': 15,
  '23': 15,
  '27': 15,
  '40': 15,
};

describe('geo data: prefectures', () => {
  it('has 47 unique codes in JIS X 0401 order 01..47', () => {
    expect(PREFECTURES).toHaveLength(47);
    const expected = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(PREFECTURES.map((p) => p.code)).toEqual(expected);
    expect(PREFECTURE_CODES).toEqual(expected);
    expect(new Set(PREFECTURE_CODES).size).toBe(47);
  });

  it('uses the correct 都/道/府/県 suffixes', () => {
    for (const p of PREFECTURES) {
      if (p.code === '01') expect(p.name).toBe('北海道');
      else if (p.code === '13') expect(p.name).toBe('東京都');
      else if (p.code === '26') expect(p.name).toBe('京都府');
      else if (p.code === '27') expect(p.name).toBe('大阪府');
      else expect(p.name, p.code).toMatch(/^[^都道府]+県$/u);
      expect(p.nameEn, p.code).toMatch(/^[A-Z][a-z]+$/);
    }
    expect(new Set(PREFECTURES.map((p) => p.name)).size).toBe(47);
  });

  it('has unique municipalities meeting the minimum counts, capital first', () => {
    for (const p of PREFECTURES) {
      const names = p.municipalities.map((m) => m.name);
      expect(new Set(names).size, `${p.name} duplicates`).toBe(names.length);
      expect(names.length, p.name).toBeGreaterThanOrEqual(MIN_MUNICIPALITIES[p.code] ?? 10);
      expect(names, p.name).toContain(p.capital);
      expect(names[0], p.name).toBe(p.capital);
    }
    expect(prefectureByCode('13')?.capital).toBe('新宿区');
  });

  it('gives every municipality a 市/区/町/村 name, an English name and 0–3 stations', () => {
    for (const p of PREFECTURES) {
      for (const m of p.municipalities) {
        expect(m.name, p.name).toMatch(/[市区町村]$/u);
        expect(m.nameEn.length, m.name).toBeGreaterThan(0);
        expect(m.nameEn, m.name).not.toMatch(/\s(City|Ward|Town|Village)$/);
        expect(m.stations.length, m.name).toBeLessThanOrEqual(3);
        expect(new Set(m.stations).size, m.name).toBe(m.stations.length);
        for (const s of m.stations) {
          expect(s.length, m.name).toBeGreaterThan(0);
          expect(s.endsWith('駅'), `${m.name}: ${s}`).toBe(false);
        }
      }
    }
  });

  it('lists all 23 special wards of Tokyo', () => {
    const tokyo = prefectureByCode('13');
    const names = tokyo?.municipalities.map((m) => m.name) ?? [];
    for (const ward of TOKYO_WARDS) expect(names).toContain(ward);
    expect(names.filter((n) => n.endsWith('区'))).toHaveLength(23);
  });
});

describe('geo data: helpers', () => {
  it('looks up prefectures and names by code', () => {
    expect(prefectureName('13', 'en')).toBe('Tokyo');
    expect(prefectureName('13', 'ja')).toBe('東京都');
    expect(prefectureName('01', 'en')).toBe('Hokkaido');
    expect(prefectureName('47', 'ja')).toBe('沖縄県');
    expect(prefectureName('99', 'ja')).toBe('');
    expect(prefectureByCode('27')?.name).toBe('大阪府');
    expect(prefectureByCode('00')).toBeUndefined();
  });

  it('partitions all 47 codes into 7 regions exactly once', () => {
    expect(REGIONS.map((r) => r.nameEn)).toEqual([
      'Hokkaido & Tohoku',
      'Kanto',
      'Chubu',
      'Kinki',
      'Chugoku',
      'Shikoku',
      'Kyushu & Okinawa',
    ]);
    const all = REGIONS.flatMap((r) => r.prefectureCodes);
    expect(all).toHaveLength(47);
    expect(new Set(all).size).toBe(47);
    expect([...all].sort()).toEqual([...PREFECTURE_CODES]);
  });
});
