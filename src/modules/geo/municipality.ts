/**
 * 市区町村 codes and matching (SPEC SR-1), from the list in geo.data.ts.
 *
 * A municipality's code is its prefecture code and its 1-based place in that prefecture's list:
 * 13-001 千代田区, 14-001 横浜市. It is this application's code, not the 全国地方公共団体コード (JIS
 * X 0402), which the list does not carry; new entries are appended to their prefecture so codes stay
 * put, and `npm run cli -- search:reindex` rewrites every stored code if the list ever changes.
 * The list keeps each 政令指定都市 whole (横浜市, not its wards), so a job in 横浜市中区 gets the code
 * of 横浜市 plus the ward 中区: a search for 横浜市 finds every ward, one for 横浜市中区 only that ward.
 * See docs/decisions/0011-search-municipality-and-shifts.md.
 */
import { PREFECTURES } from './geo.data.ts';

/** The 20 政令指定都市 (designated cities), whose addresses continue with a ward (区). */
export const DESIGNATED_CITIES: ReadonlySet<string> = new Set([
  '札幌市',
  '仙台市',
  'さいたま市',
  '千葉市',
  '横浜市',
  '川崎市',
  '相模原市',
  '新潟市',
  '静岡市',
  '浜松市',
  '名古屋市',
  '京都市',
  '大阪市',
  '堺市',
  '神戸市',
  '岡山市',
  '広島市',
  '北九州市',
  '福岡市',
  '熊本市',
]);

export interface MunicipalityEntry {
  code: string;
  prefectureCode: string;
  name: string;
  designated: boolean;
}

export const MUNICIPALITIES: readonly MunicipalityEntry[] = PREFECTURES.flatMap((p) =>
  p.municipalities.map((m, i) => ({
    code: `${p.code}-${String(i + 1).padStart(3, '0')}`,
    prefectureCode: p.code,
    name: m.name,
    designated: DESIGNATED_CITIES.has(m.name),
  })),
);

const byPrefecture = new Map<string, MunicipalityEntry[]>();
for (const m of MUNICIPALITIES)
  byPrefecture.set(m.prefectureCode, [...(byPrefecture.get(m.prefectureCode) ?? []), m]);
const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function municipalityByCode(code: string): MunicipalityEntry | undefined {
  return byCode.get(code);
}

/** Where a job or a search box names a place: its municipality's code and, in a designated city, the ward. */
export interface Place {
  code: string;
  ward: string | null;
}

/** NFKC, no spaces: 「横浜市 中区」 and 「横浜市中区」 are one place. */
const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** A ward name right after a designated city (中区, 港北区, 北区 …), or null. */
const WARD = /^([^\d区市町村郡-]{1,5}?区)/;

/** The listed municipality that `text` starts with (longest name first), and the ward after a designated city. */
function placeAtStart(prefectureCode: string, text: string): Place | null {
  let rest = compact(text);
  const prefecture = PREFECTURES.find((p) => p.code === prefectureCode);
  if (!prefecture) return null;
  if (rest.startsWith(prefecture.name)) rest = rest.slice(prefecture.name.length);
  const candidates = byPrefecture.get(prefectureCode) ?? [];
  const tryAt = (s: string): Place | null => {
    let best: MunicipalityEntry | null = null;
    for (const m of candidates)
      if (s.startsWith(m.name) && (!best || m.name.length > best.name.length)) best = m;
    if (!best) return null;
    const ward = best.designated ? (WARD.exec(s.slice(best.name.length))?.[1] ?? null) : null;
    return { code: best.code, ward };
  };
  // 町村 are often written after their 郡 (虻田郡ニセコ町).
  return tryAt(rest) ?? tryAt(rest.replace(/^[^郡]{1,6}郡/, ''));
}

/**
 * The municipality of a job's 就業場所: from its 市区町村 field, else from the address (written in
 * full, 東京都千代田区霞が関…, or after the city). Null when neither names a listed municipality.
 */
export function locateWorkplace(job: {
  prefectureCode: string;
  city: string;
  workplaceAddress: string;
}): Place | null {
  const prefectureCode = job.prefectureCode.trim();
  const fromCity = placeAtStart(prefectureCode, job.city);
  if (fromCity && (fromCity.ward || !municipalityByCode(fromCity.code)?.designated)) return fromCity;
  const fromAddress = placeAtStart(prefectureCode, job.workplaceAddress);
  if (!fromCity) return fromAddress;
  // A designated city without its ward in the 市区町村 field: the address names the ward, in full
  // (神奈川県横浜市中区…) or continuing after the city (中区山下町…).
  if (fromAddress?.code === fromCity.code && fromAddress.ward) return fromAddress;
  return placeAtStart(prefectureCode, `${job.city}${job.workplaceAddress}`) ?? fromCity;
}

/**
 * What a 市区町村 search value means within the chosen prefectures (all when none is chosen): the
 * exact name (府中市 may be in two prefectures: both), a name with a ward (横浜市中区), or a name
 * without its suffix (千代田 → 千代田区) when exactly one municipality fits. Empty when nothing fits.
 */
export function resolveMunicipalityQuery(input: string, prefectureCodes: readonly string[]): Place[] {
  const value = compact(input);
  if (value === '') return [];
  const prefectures = prefectureCodes.length ? prefectureCodes : PREFECTURES.map((p) => p.code);
  const exact: Place[] = [];
  const prefix: Place[] = [];
  const bare: Place[] = [];
  for (const code of prefectures) {
    const prefecture = PREFECTURES.find((p) => p.code === code);
    const text =
      prefecture && value.startsWith(prefecture.name) ? value.slice(prefecture.name.length) : value;
    for (const m of byPrefecture.get(code) ?? []) {
      if (m.name === text) exact.push({ code: m.code, ward: null });
      else if (m.designated && text.startsWith(m.name)) {
        const ward = WARD.exec(text.slice(m.name.length))?.[1];
        if (ward && ward.length === text.length - m.name.length) prefix.push({ code: m.code, ward });
      } else if (m.name.slice(0, -1) === text) bare.push({ code: m.code, ward: null });
    }
  }
  if (exact.length || prefix.length) return [...exact, ...prefix];
  return bare.length === 1 ? bare : [];
}
