/**
 * Deterministic demo data: offices (ハローワーク) for all 47 prefectures, employers (事業所) and
 * realistic 求人票 from the corpus, with real municipality and station names. The same seed and
 * the same "today" give the same data. Pure: returns rows, writes nothing.
 */
import type { employers, jobPostings, offices } from '../db/schema/index.ts';
import { PREFECTURES, type Prefecture } from '../modules/geo/geo.data.ts';
import type {
  ApplicationDocument,
  DocumentMethod,
  EmploymentType,
  FeatureTag,
  Insurance,
  JobCategory,
  SelectionMethod,
  WageType,
  WorkHoursPattern,
} from '../modules/jobs/job.types.ts';
import { addDays, endOfMonth, type LocalDate } from '../platform/dates.ts';
import {
  COMPANY_FORM_READINGS,
  COMPANY_FORMS,
  COMPANY_SUFFIX_READINGS,
  COMPANY_SUFFIXES,
  COMPANY_WORD_READINGS,
  COMPANY_WORDS,
  HOLIDAY_PATTERNS,
  OCCUPATIONS,
  SPECIAL_NOTES,
  type TitleEntry,
  WORKPLACE_NOTES,
} from './job-corpus.ts';
import { Random } from './random.ts';

export type NewOffice = typeof offices.$inferInsert;
export type NewEmployer = Omit<typeof employers.$inferInsert, 'id'> & { id: string };
export type NewJob = Omit<typeof jobPostings.$inferInsert, 'id'>;

/** Two offices per prefecture: the capital's (NN010) and a second city's (NN020). */
export function generateOffices(): NewOffice[] {
  return PREFECTURES.flatMap((p) => {
    const [first, second] = p.municipalities;
    return [first, second].filter(Boolean).map((m, i) => ({
      code: `${p.code}0${i + 1}0`,
      name: `ハローワーク${stripSuffix(m!.name)}`,
      prefectureCode: p.code,
      address: `${p.name}${m!.name}${i === 0 ? '中央' : '本町'}${i + 1}-${(Number(p.code) % 9) + 1}-${(Number(p.code) % 5) + 2}`,
      phone: `0${(Number(p.code) % 9) + 1}-${String(1000 + Number(p.code) * 37).slice(0, 4)}-${String(8000 + i * 111)}`,
    }));
  });
}

const stripSuffix = (name: string) => (name.length > 2 ? name.replace(/[市区町村]$/, '') : name);

/** A UUID derived from the PRNG, so employer ids are deterministic too. */
function uuidFrom(r: Random): string {
  const hex = Array.from({ length: 32 }, () => r.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((r.int(0, 15) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Where people work: weighted towards big prefectures, as postings are. */
const PREFECTURE_WEIGHTS = PREFECTURES.map((p) =>
  ['13', '27', '14', '23', '11', '12', '01', '40'].includes(p.code) ? 5 : 1,
);

export function generateEmployers(seed: number, count: number, now: Date, startIndex = 0): NewEmployer[] {
  const out: NewEmployer[] = [];
  for (let i = 0; i < count; i++) {
    const index = startIndex + i;
    // One PRNG stream per employer: batches generated separately equal one big batch.
    const r = new Random((seed * 2246822519 + index * 3266489917 + 1) >>> 0);
    const prefecture = PREFECTURES[r.weighted(PREFECTURE_WEIGHTS)]!;
    const municipality = r.pick(prefecture.municipalities);
    const officeCode = `${prefecture.code}0${municipality === prefecture.municipalities[0] ? 1 : r.pick([1, 2])}0`;
    const form = r.pick(COMPANY_FORMS);
    const word = r.pick(COMPANY_WORDS);
    const suffix = r.pick(COMPANY_SUFFIXES);
    const formFirst = r.chance(0.6);
    const name = formFirst ? `${form}${word}${suffix}` : `${word}${suffix}${form}`;
    const reading = `${COMPANY_WORD_READINGS[word] ?? ''}${COMPANY_SUFFIX_READINGS[suffix] ?? ''}`;
    const formReading = COMPANY_FORM_READINGS[form] ?? '';
    const total = r.pick([5, 8, 12, 20, 35, 48, 60, 85, 120, 180, 250, 420, 800, 1500]) + r.int(0, 4);
    const timestamp = new Date(now.getTime() - 90 * 86_400_000 + index * 1000);
    out.push({
      id: uuidFrom(r),
      establishmentNumber: `${officeCode.slice(0, 4)}-${String(100000 + (index % 900000)).padStart(6, '0')}-${index % 10}`,
      officeCode,
      name,
      nameKana: formFirst ? `${formReading}${reading}` : `${reading}${formReading}`,
      postalCode: `${String(r.int(100, 999))}-${String(r.int(0, 9999)).padStart(4, '0')}`,
      prefectureCode: prefecture.code,
      city: municipality.name,
      address: `${r.pick(['本町', '中央', '栄町', '緑町', '旭町', '駅前', '新町', '東町', '西町', '南町'])}${r.int(1, 5)}-${r.int(1, 20)}-${r.int(1, 30)}`,
      phone: `0${r.int(1, 9)}${r.int(0, 9)}-${r.int(100, 999)}-${String(r.int(0, 9999)).padStart(4, '0')}`,
      industryCode: r.pick(['D', 'E', 'H', 'I', 'M', 'N', 'P', 'P', 'R'] as const),
      employeesTotal: total,
      employeesAtWorkplace: Math.max(1, Math.round(total * (0.2 + r.next() * 0.6))),
      businessDescription: `${municipality.name}を中心に${suffix}事業を営んでいます。`,
      accountId: null,
      mypageOpenedAt: r.chance(0.7) ? timestamp : null,
      createdAt: timestamp,
      updatedAt: timestamp,
    });
  }
  return out;
}

/** Relative frequency of postings per 職業分類 group (サービス, 事務, 生産工程, 輸送 are common). */
const GROUP_WEIGHTS = OCCUPATIONS.map(
  (g) =>
    ({
      '05': 22,
      '03': 14,
      '08': 14,
      '02': 16,
      '09': 9,
      '11': 9,
      '04': 8,
      '10': 5,
      '06': 2,
      '07': 2,
      '01': 1,
    })[g.code] ?? 1,
);

const FULL_TIME_HOURS: WorkHoursPattern[][] = [
  [{ start: '09:00', end: '18:00' }],
  [{ start: '08:30', end: '17:30' }],
  [{ start: '09:00', end: '17:00' }],
  [{ start: '08:00', end: '17:00' }],
  [
    { start: '07:00', end: '16:00' },
    { start: '10:00', end: '19:00' },
  ],
  [
    { start: '07:00', end: '16:00' },
    { start: '09:00', end: '18:00' },
    { start: '16:30', end: '09:30' },
  ],
  [
    { start: '08:00', end: '17:00' },
    { start: '22:00', end: '07:00' },
  ],
];
const PART_TIME_HOURS: WorkHoursPattern[][] = [
  [{ start: '09:00', end: '13:00' }],
  [
    { start: '09:00', end: '15:00' },
    { start: '13:00', end: '17:00' },
  ],
  [{ start: '10:00', end: '16:00' }],
  [
    { start: '06:00', end: '10:00' },
    { start: '17:00', end: '21:00' },
  ],
  [{ start: '18:00', end: '22:00' }],
];

const AGE_REASONS = [
  '例外事由3号のイ（長期勤続によるキャリア形成を図るため、若年者等を期間の定めのない労働契約の対象として募集・採用）',
  '例外事由1号（定年年齢を上限として、当該上限年齢未満の労働者を期間の定めのない労働契約の対象として募集・採用）',
];

export interface GeneratedJob {
  posting: NewJob;
  employerName: string;
  employeesTotal: number;
}

/**
 * The `index`-th demo job. Each job has its own PRNG stream, so any range of indexes can be
 * generated independently (in batches, in parallel) and still equal the whole.
 */
export function generateJob(
  seed: number,
  index: number,
  employer: NewEmployer,
  today: LocalDate,
  serial: number,
  now: Date,
): GeneratedJob {
  const r = new Random((seed * 2654435761 + index * 40503) >>> 0);
  const group = OCCUPATIONS[r.weighted(GROUP_WEIGHTS)]!;
  const entry: TitleEntry = r.pick(group.titles);
  const partTime = entry.partTimeOk && r.chance(0.32);
  const category: JobCategory = r.pick([
    'general',
    'general',
    'general',
    'general',
    'general',
    'general',
    'general',
    'general',
    'new_graduate',
    'seasonal',
    'disability',
  ] as const);
  const employmentType: EmploymentType = partTime
    ? 'non_regular'
    : r.pick([
        'regular',
        'regular',
        'regular',
        'regular',
        'non_regular',
        'non_regular',
        'fixed_term_dispatch',
        'indefinite_dispatch',
      ] as const);
  const prefecture = PREFECTURES.find((p) => p.code === employer.prefectureCode) as Prefecture;
  const municipality = r.chance(0.8)
    ? (prefecture.municipalities.find((m) => m.name === employer.city) ?? r.pick(prefecture.municipalities))
    : r.pick(prefecture.municipalities);
  const station = municipality.stations.length ? r.pick(municipality.stations) : '';
  const walk = station ? r.pick([2, 3, 5, 7, 8, 10, 12, 15, 20, 25]) : null;

  const wageType: WageType = partTime
    ? 'hourly'
    : group.code === '10' && r.chance(0.25)
      ? 'daily'
      : 'monthly';
  const [low, high] = wageType === 'hourly' ? entry.wage.hourly : entry.wage.monthly;
  const unit = wageType === 'hourly' ? 10 : 1000;
  const wageMinBase = wageType === 'daily' ? Math.round(low / 21 / 100) * 100 : low;
  const wageMaxBase = wageType === 'daily' ? Math.round(high / 21 / 100) * 100 : high;
  const wageMin = Math.round((wageMinBase + r.next() * (wageMaxBase - wageMinBase) * 0.5) / unit) * unit;
  const wageMax = Math.max(wageMin, Math.round((wageMin + r.next() * (wageMaxBase - wageMin)) / unit) * unit);
  const allowances =
    wageType === 'monthly' && r.chance(0.6)
      ? [
          {
            name: r.pick(['資格手当', '職務手当', '住宅手当', '皆勤手当', '処遇改善手当']),
            amount: r.step(5000, 30000, 1000),
          },
        ]
      : [];
  const allowanceTotal = allowances.reduce((s, a) => s + a.amount, 0);
  const fixedOvertime =
    wageType === 'monthly' && r.chance(0.12)
      ? { amount: r.step(15000, 45000, 1000), hours: r.pick([10, 15, 20]) }
      : null;
  const deduction = allowanceTotal + (fixedOvertime?.amount ?? 0);

  const holiday = r.pick(HOLIDAY_PATTERNS);
  const hasOvertime = r.chance(0.6);
  const hours = partTime ? r.pick(PART_TIME_HOURS) : r.pick(FULL_TIME_HOURS);
  const insurances: Insurance[] = partTime
    ? r.chance(0.5)
      ? ['employment', 'workers_comp', 'health', 'pension']
      : ['employment', 'workers_comp']
    : [
        'employment',
        'workers_comp',
        'health',
        'pension',
        ...(r.chance(0.15) ? (['asset_formation'] as const) : []),
      ];

  const features = new Set<FeatureTag>();
  if (walk !== null && walk <= 10) features.add('near_station');
  if (r.chance(0.35)) features.add('car_commute');
  if (r.chance(0.55)) features.add('commute_allowance');
  if (r.chance(0.3)) features.add('no_transfer');
  if (holiday.text.startsWith('土日')) features.add('weekend_off');
  if (!partTime && employmentType !== 'regular' && r.chance(0.4)) features.add('regular_conversion');
  if (r.chance(0.08)) features.add('remote_work');
  if (r.chance(0.1)) features.add('uij_turn');
  if (r.chance(0.07)) features.add('no_document_screening');
  if (r.chance(0.06)) features.add('childcare');
  if (r.chance(0.08)) features.add('senior_welcome');

  const notes = r.sample(WORKPLACE_NOTES, r.int(0, 2));
  if (features.has('dormitory') || r.chance(0.06)) {
    features.add('dormitory');
    notes.push(r.pick(['寮完備（単身者向け）', '社員寮あり（家賃補助有）', '独身寮あり、入寮可']));
  }
  const duties = r.sample(entry.duties, Math.min(entry.duties.length, r.int(2, 4)));
  const description = [...duties, ...notes].join('');

  const ageLimited = !partTime && r.chance(0.15);
  const ageMax = ageLimited ? r.pick([35, 39, 44, 59]) : null;
  const documentMethods: DocumentMethod[] = r.pick([
    ['mypage', 'post'],
    ['mypage', 'post'],
    ['mypage'],
    ['post'],
    ['post'],
    ['bring'],
    ['post', 'email'],
  ] as DocumentMethod[][]);
  const selection: SelectionMethod[] = features.has('no_document_screening')
    ? ['interview']
    : r.pick([
        ['document', 'interview'],
        ['interview'],
        ['document', 'interview', 'written_test'],
      ] as SelectionMethod[][]);
  const documents: ApplicationDocument[] = r.chance(0.7) ? ['resume', 'career_history'] : ['resume'];
  const roll = r.next();
  const daysAgo = roll < 0.04 ? 0 : roll < 0.08 ? 1 : roll < 0.25 ? r.int(2, 7) : r.int(8, 60);
  const acceptedOn = addDays(today, -daysAgo);
  const createdAt = new Date(now.getTime() - daysAgo * 86_400_000 - 3_600_000);

  return {
    employerName: employer.name,
    employeesTotal: employer.employeesTotal,
    posting: {
      jobNumber: `${employer.officeCode}-${String(serial).padStart(8, '0')}`,
      employerId: employer.id,
      officeCode: employer.officeCode,
      status: 'open',
      acceptedOn,
      referralDeadline: endOfMonth(acceptedOn, 2),
      closedOn: null,
      title:
        partTime && !entry.title.includes('パート') && !entry.title.includes('ﾊﾟｰﾄ')
          ? `${entry.title}（パート）`
          : entry.title,
      category,
      workStyle: partTime ? 'part_time' : 'full_time',
      employmentType,
      employmentPeriod:
        employmentType === 'regular'
          ? { fixed: false, months: null, renewal: '' }
          : r.chance(0.6)
            ? { fixed: true, months: r.pick([3, 6, 12]), renewal: '契約更新の可能性あり（原則更新）' }
            : { fixed: false, months: null, renewal: '' },
      description,
      occupationCode: group.code,
      industryCode: r.pick(entry.industries),
      prefectureCode: prefecture.code,
      city: municipality.name,
      workplaceAddress: `${prefecture.name}${municipality.name}${employer.address}`,
      nearestStation: station ? `${station}駅` : '',
      stationWalkMinutes: walk,
      ageMin: null,
      ageMax,
      ageLimitReason: ageMax ? (ageMax === 59 ? AGE_REASONS[1]! : AGE_REASONS[0]!) : '',
      education: r.chance(0.72) ? null : r.pick(['高卒以上', '大卒以上', '専門卒以上']),
      experience: entry.experience && r.chance(0.5) ? entry.experience : null,
      license: entry.license && r.chance(0.7) ? entry.license : null,
      trialPeriod: r.chance(0.6) ? `あり（${r.pick([1, 2, 3, 6])}か月、労働条件変更なし）` : 'なし',
      wageType,
      wageMin,
      wageMax,
      basePayMin: Math.max(unit, wageMin - deduction),
      basePayMax: Math.max(unit, wageMax - deduction),
      fixedAllowances: allowances,
      fixedOvertime,
      commuteAllowance: features.has('commute_allowance')
        ? `実費支給（上限あり）月額：${r.step(10000, 30000, 5000).toLocaleString('ja-JP')}円`
        : 'なし',
      hasBonus: !partTime && r.chance(0.65),
      bonusDetail: '',
      workHours: hours,
      workHoursNote: hours.length > 1 ? '（１）～（３）のシフト制' : '',
      hasOvertime,
      overtimeMonthlyHours: hasOvertime ? r.pick([5, 10, 15, 20]) : null,
      breakMinutes: partTime ? r.pick([0, 15, 45]) : 60,
      annualHolidays: r.int(holiday.annualHolidays[0], holiday.annualHolidays[1]),
      holidays: holiday.text,
      weeklyTwoDaysOff: holiday.weeklyTwoDaysOff,
      insurances,
      retirementAge: partTime ? null : r.pick([60, 60, 65, 65, 65, 70]),
      openings: r.pick([1, 1, 1, 2, 2, 3, 5]),
      selectionMethods: selection,
      resultNoticeDays: r.pick([7, 10, 14]),
      applicationDocuments: documents,
      documentMethods,
      acceptsOnlineApplication: r.chance(0.45),
      publicationScope: r.chance(0.85) ? 'full' : r.chance(0.8) ? 'anonymous' : 'private',
      features: [...features],
      specialNotes: r.sample(SPECIAL_NOTES, r.int(0, 2)).join(''),
      createdAt,
      updatedAt: createdAt,
    },
  };
}
