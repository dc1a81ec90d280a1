/**
 * Writes demo data: offices, employers, job postings with their search rows, and the demo accounts
 * listed in the README. Used by `npm start` on an empty embedded database and by `npm run seed`.
 */
import { count, like } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { employers, numberSequences, offices, staffMembers } from '../db/schema/index.ts';
import type { Ports } from '../deps.ts';
import { insertAccount } from '../modules/accounts/accounts.repository.ts';
import { hashPassword } from '../modules/accounts/password-hash.ts';
import { insertCounselling } from '../modules/counselling/counselling.repository.ts';
import { insertJobPostings, type NewJobPosting } from '../modules/jobs/jobs.repository.ts';
import { formatNumber, insertOffices, raiseSerial } from '../modules/offices/offices.repository.ts';
import { loadReadings, noReadings } from '../modules/search/readings.ts';
import { createSearchIndex, dropSearchIndex, upsertSearchRows } from '../modules/search/search.repository.ts';
import { searchRow } from '../modules/search/search-index.ts';
import { registrationValidUntil } from '../modules/seekers/registration.rules.ts';
import { emptyDesiredConditions, emptyProfile } from '../modules/seekers/seeker.types.ts';
import { insertSeeker } from '../modules/seekers/seekers.repository.ts';
import { changeValidUntil } from '../modules/seekers/validity.repository.ts';
import { addDays, endOfMonth, tokyoDate } from '../platform/dates.ts';
import { jsonWriter, type SeedWriter } from './bulk-writers.ts';
import {
  type GeneratedJob,
  generateEmployers,
  generateJob,
  generateOffices,
  type NewEmployer,
} from './generator.ts';

export const DEMO_SEED = 20_260_401;
const JOBS_PER_EMPLOYER = 4;
/** Serials of generated jobs start here, leaving room below for jobs accepted in the app. */
const GENERATED_SERIAL_BASE = 10_000_000;

export interface SeedProgress {
  done: number;
  total: number;
}

/** Offices for all 47 prefectures (idempotent). */
export async function seedOffices(db: Executor): Promise<void> {
  await insertOffices(db, generateOffices());
}

/**
 * Generates `total` open jobs and their employers in batches. Each batch is one transaction:
 * employers, postings and search rows commit together.
 */
export async function seedJobs(
  db: Executor,
  options: {
    total: number;
    now: Date;
    seed?: number;
    batchSize?: number;
    /** Batches written at once; 2 suits a 2-core PostgreSQL. */
    parallel?: number;
    /** How rows are written: JSON inserts (default, both engines) or COPY (PostgreSQL, bulk). */
    writer?: SeedWriter;
    /** Index readings of the text (ADR 0035; default true); false only to measure what they cost. */
    readings?: boolean;
    onProgress?: (p: SeedProgress) => void;
  },
): Promise<void> {
  const seed = options.seed ?? DEMO_SEED;
  const batchSize = options.batchSize ?? 1000;
  const writer = options.writer ?? jsonWriter(db);
  const readingOf = options.readings === false ? noReadings : await loadReadings();
  const today = tokyoDate(options.now);
  const [existing] = await db.select({ n: count() }).from(employers);
  const employerOffset = existing?.n ?? 0;
  const employerCount = Math.max(1, Math.ceil(options.total / JOBS_PER_EMPLOYER));

  // Employers first, so job batches can run in parallel without waiting for each other.
  const pool: NewEmployer[] = [];
  for (let start = 0; start < employerCount; start += batchSize) {
    const batch = generateEmployers(
      seed,
      Math.min(batchSize, employerCount - start),
      options.now,
      employerOffset + start,
    );
    await writer.writeEmployers(batch);
    pool.push(...batch);
  }

  // Continue numbering after jobs already there (a second `npm run seed` adds, it does not collide).
  const serialByOffice = new Map(
    (await db.select().from(numberSequences).where(like(numberSequences.scope, 'job:%'))).map(
      (r) => [r.scope.slice(4), Math.max(r.lastValue, GENERATED_SERIAL_BASE)] as const,
    ),
  );
  const generateBatch = (start: number, end: number) => {
    const jobs: GeneratedJob[] = [];
    for (let i = start; i < end; i++) {
      // Job i belongs to employer i mod employerCount.
      const employer = pool[i % employerCount]!;
      const serial = (serialByOffice.get(employer.officeCode) ?? GENERATED_SERIAL_BASE) + 1;
      serialByOffice.set(employer.officeCode, serial);
      jobs.push(generateJob(seed, employerOffset + i, employer, today, serial, options.now));
    }
    return jobs;
  };

  const inFlight = new Set<Promise<void>>();
  let done = 0;
  for (let start = 0; start < options.total; start += batchSize) {
    const end = Math.min(options.total, start + batchSize);
    const task = writer.writeJobs(generateBatch(start, end), readingOf).then(() => {
      inFlight.delete(task);
      done += end - start;
      options.onProgress?.({ done, total: options.total });
    });
    inFlight.add(task);
    if (inFlight.size >= (options.parallel ?? 1)) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  for (const [office, serial] of serialByOffice) await raiseSerial(db, 'job', office, serial);
}

export const DEMO_ACCOUNTS = {
  staff: { email: 'shokuin@example.jp', password: 'Shokuin-2026!' },
  employer: { email: 'kyujin@example.jp', password: 'Kyujin-2026!' },
  seeker: { email: 'kyushoku@example.jp', password: 'Kyushoku-2026!', birthDate: '1998-04-01' },
  unopenedSeeker: { email: 'mikaisetsu@example.jp', birthDate: '1995-06-15' },
  /** MyPage opened on the internet only (MP-6): may apply directly (AP-7), no referrals. */
  internetSeeker: { email: 'netonly@example.jp', password: 'Netonly-2026!', birthDate: '2000-10-10' },
} as const;

const DEMO_OFFICE = '13010';

/** The demo accounts of the README, and the demo employer's jobs (one is the leaflet's 13010-09999999). */
export async function seedDemoAccounts(db: Executor, now: Date): Promise<void> {
  const today = tokyoDate(now);
  const [staffHash, employerHash, seekerHash, internetHash] = await Promise.all([
    hashPassword(DEMO_ACCOUNTS.staff.password),
    hashPassword(DEMO_ACCOUNTS.employer.password),
    hashPassword(DEMO_ACCOUNTS.seeker.password),
    hashPassword(DEMO_ACCOUNTS.internetSeeker.password),
  ]);
  await db.transaction(async (tx) => {
    const staffAccount = await insertAccount(tx, {
      role: 'staff',
      email: DEMO_ACCOUNTS.staff.email,
      passwordHash: staffHash,
      openedAt: now,
      now,
    });
    const [demoStaff] = await tx
      .insert(staffMembers)
      .values({
        accountId: staffAccount.id,
        officeCode: DEMO_OFFICE,
        name: '山本 和子',
        createdAt: now,
        updatedAt: now,
      })
      .returning();

    const employerAccount = await insertAccount(tx, {
      role: 'employer',
      email: DEMO_ACCOUNTS.employer.email,
      passwordHash: employerHash,
      openedAt: now,
      now,
    });
    const [employer] = await tx
      .insert(employers)
      .values({
        establishmentNumber: '1301-999999-9',
        officeCode: DEMO_OFFICE,
        name: '株式会社ハローワークケア',
        nameKana: 'カブシキガイシャハローワークケア',
        postalCode: '100-8916',
        prefectureCode: '13',
        city: '千代田区',
        address: '霞が関1-2-2',
        phone: '03-5253-1111',
        industryCode: 'P',
        employeesTotal: 48,
        employeesAtWorkplace: 18,
        businessDescription: 'グループホーム、デイサービスの運営',
        accountId: employerAccount.id,
        mypageOpenedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();

    const seekerAccount = await insertAccount(tx, {
      role: 'seeker',
      email: DEMO_ACCOUNTS.seeker.email,
      passwordHash: seekerHash,
      openedAt: now,
      now,
    });
    const appliedOn = addDays(today, -10);
    const seeker = await insertSeeker(tx, {
      accountId: seekerAccount.id,
      kind: 'registered',
      seekerNumber: formatNumber(DEMO_OFFICE, 1),
      officeCode: DEMO_OFFICE,
      name: '山田 太郎',
      nameKana: 'ヤマダ タロウ',
      birthDate: DEMO_ACCOUNTS.seeker.birthDate,
      postalCode: '160-0023',
      address: '東京都新宿区西新宿2-8-1',
      phone: '090-1234-5678',
      appliedOn,
      validUntil: registrationValidUntil(appliedOn),
      active: true,
      desired: {
        ...emptyDesiredConditions(),
        occupation: '介護職',
        occupationCodes: ['05'],
        prefectureCodes: ['13'],
        cities: '千代田区、新宿区',
        workStyle: 'full_time',
        employmentTypes: ['regular'],
        wageMin: 200000,
        hours: '9:00～18:00',
        holidays: '土日',
      },
      profile: emptyProfile(),
      createdAt: now,
      updatedAt: now,
    });
    await demoValidity(tx, seeker, now);
    // A recent 職業相談 by the demo staff, so the demo employer's jobs can be sent to this seeker as
    // オンラインハローワーク紹介 right after `npm start` (OR-1, OR-2; ADR 0016).
    await insertCounselling(tx, {
      seekerId: seeker.id,
      staffId: demoStaff!.id,
      heldOn: addDays(today, -1),
      desiredConditions: '介護職（正社員）、千代田区・新宿区、月給20万円以上、9:00～18:00、土日休み',
      notes: 'オンラインハローワーク紹介での求人紹介を希望。',
      now,
    });
    const unopenedAccount = await insertAccount(tx, {
      role: 'seeker',
      email: DEMO_ACCOUNTS.unopenedSeeker.email,
      now,
    });
    const unopened = await insertSeeker(tx, {
      accountId: unopenedAccount.id,
      kind: 'registered',
      seekerNumber: formatNumber(DEMO_OFFICE, 2),
      officeCode: DEMO_OFFICE,
      name: '佐藤 花子',
      nameKana: 'サトウ ハナコ',
      birthDate: DEMO_ACCOUNTS.unopenedSeeker.birthDate,
      postalCode: '150-0002',
      address: '東京都渋谷区渋谷1-1-1',
      phone: '080-2345-6789',
      appliedOn: addDays(today, -3),
      validUntil: registrationValidUntil(addDays(today, -3)),
      active: true,
      desired: {
        ...emptyDesiredConditions(),
        occupation: '一般事務',
        occupationCodes: ['03'],
        prefectureCodes: ['13'],
      },
      profile: emptyProfile(),
      createdAt: now,
      updatedAt: now,
    });
    await demoValidity(tx, unopened, now);
    await raiseSerial(tx, 'seeker', DEMO_OFFICE, 2);

    const internetAccount = await insertAccount(tx, {
      role: 'seeker',
      email: DEMO_ACCOUNTS.internetSeeker.email,
      passwordHash: internetHash,
      openedAt: now,
      now,
    });
    const internet = await insertSeeker(tx, {
      accountId: internetAccount.id,
      kind: 'internet',
      seekerNumber: null,
      officeCode: null,
      name: '鈴木 一郎',
      nameKana: 'スズキ イチロウ',
      birthDate: DEMO_ACCOUNTS.internetSeeker.birthDate,
      postalCode: '530-0001',
      address: '大阪府大阪市北区梅田1-1-1',
      phone: '070-3456-7890',
      appliedOn: addDays(today, -2),
      validUntil: registrationValidUntil(addDays(today, -2)),
      active: true,
      desired: {
        ...emptyDesiredConditions(),
        occupation: '介護職',
        occupationCodes: ['05'],
        prefectureCodes: ['13'],
      },
      profile: emptyProfile(),
      createdAt: now,
      updatedAt: now,
    });
    await demoValidity(tx, internet, now);

    const jobs = demoEmployerJobs(employer!.id, today, now);
    const ids = await insertJobPostings(tx, jobs);
    const readingOf = await loadReadings();
    await upsertSearchRows(
      tx,
      jobs.map((job, i) =>
        searchRow(
          {
            ...(job as Required<NewJobPosting>),
            id: ids[i]!.id,
            acceptedOn: job.acceptedOn!,
            referralDeadline: job.referralDeadline!,
            employerName: employer!.name,
            employeesTotal: employer!.employeesTotal,
          },
          readingOf,
        ),
      ),
    );
    await raiseSerial(tx, 'job', DEMO_OFFICE, 3);
  });
}

/** The leaflet's example job (seed 001) and two more of the same employer. */
function demoEmployerJobs(employerId: string, today: string, now: Date): NewJobPosting[] {
  const base = {
    employerId,
    officeCode: DEMO_OFFICE,
    status: 'open' as const,
    acceptedOn: today,
    referralDeadline: endOfMonth(today, 2),
    closedOn: null,
    category: 'general' as const,
    occupationCode: '05',
    industryCode: 'P',
    prefectureCode: '13',
    city: '千代田区',
    workplaceAddress: '東京都千代田区霞が関1-2-2',
    nearestStation: '霞ケ関駅',
    stationWalkMinutes: 3,
    ageMin: null,
    education: null,
    experience: null,
    license: null,
    trialPeriod: 'あり（3か月、労働条件変更なし）',
    fixedOvertime: null,
    commuteAllowance: '実費支給（上限あり）月額：30,000円',
    bonusDetail: '年2回（計3.0か月分）',
    workHoursNote: '',
    overtimeMonthlyHours: null,
    breakMinutes: 60,
    insurances: ['employment', 'workers_comp', 'health', 'pension'],
    retirementAge: 65,
    openings: 1,
    selectionMethods: ['document', 'interview'],
    resultNoticeDays: 7,
    applicationDocuments: ['resume', 'career_history'],
    documentMethods: ['mypage', 'post'],
    acceptsOnlineApplication: true,
    publicationScope: 'full' as const,
    specialNotes: '応募前に職場見学ができます。お気軽にご相談ください。',
    createdAt: now,
    updatedAt: now,
  };
  return [
    {
      ...base,
      jobNumber: formatNumber(DEMO_OFFICE, 9_999_999),
      title: '介護福祉士',
      workStyle: 'full_time',
      employmentType: 'regular',
      employmentPeriod: { fixed: false, months: null, renewal: '' },
      description:
        'グループホーム(2ユニット:18人定員)にて、ご利用者様に対する生活全般の介護サービスを提供いたします。食事・入浴・排せつの介助、レクリエーションの企画などをお願いします。',
      ageMax: 29,
      ageLimitReason:
        '例外事由3号のイ（長期勤続によるキャリア形成を図るため、若年者等を期間の定めのない労働契約の対象として募集・採用）',
      wageType: 'monthly',
      wageMin: 205000,
      wageMax: 290000,
      basePayMin: 185000,
      basePayMax: 270000,
      fixedAllowances: [{ name: '処遇改善手当', amount: 20000 }],
      hasBonus: true,
      workHours: [{ start: '09:00', end: '17:00' }],
      hasOvertime: true,
      annualHolidays: 108,
      holidays: '他 週休二日制/その他',
      weeklyTwoDaysOff: 'other',
      features: ['commute_allowance', 'near_station', 'car_commute'],
    },
    {
      ...base,
      jobNumber: formatNumber(DEMO_OFFICE, 1),
      title: 'かいごスタッフ（デイサービス・パート）',
      workStyle: 'part_time',
      employmentType: 'non_regular',
      employmentPeriod: { fixed: true, months: 12, renewal: '契約更新の可能性あり（原則更新）' },
      description:
        'デイサービスでの送迎補助、入浴介助、レクリエーションなどのカイゴ業務全般をお願いします。未経験の方も丁寧に指導します。週３日～ＯＫ。',
      ageMax: null,
      ageLimitReason: '',
      wageType: 'hourly',
      wageMin: 1300,
      wageMax: 1500,
      basePayMin: 1300,
      basePayMax: 1500,
      fixedAllowances: [],
      hasBonus: false,
      workHours: [
        { start: '09:00', end: '13:00' },
        { start: '13:00', end: '17:00' },
      ],
      hasOvertime: false,
      annualHolidays: 110,
      holidays: '土日祝',
      weeklyTwoDaysOff: 'every_week',
      insurances: ['employment', 'workers_comp'],
      features: ['commute_allowance', 'near_station', 'weekend_off', 'senior_welcome'],
    },
    {
      ...base,
      jobNumber: formatNumber(DEMO_OFFICE, 2),
      title: '一般事務（介護事業所）',
      occupationCode: '03',
      workStyle: 'full_time',
      employmentType: 'regular',
      employmentPeriod: { fixed: false, months: null, renewal: '' },
      description:
        '介護事業所の受付、電話応対、ＰＣ（Excel・Word）での書類作成、請求事務をお願いします。寮完備（単身者向け）。',
      ageMax: null,
      ageLimitReason: '',
      wageType: 'monthly',
      wageMin: 210000,
      wageMax: 250000,
      basePayMin: 210000,
      basePayMax: 250000,
      fixedAllowances: [],
      hasBonus: true,
      workHours: [{ start: '09:00', end: '18:00' }],
      hasOvertime: false,
      annualHolidays: 120,
      holidays: '土日祝',
      weeklyTwoDaysOff: 'every_week',
      documentMethods: ['post'],
      acceptsOnlineApplication: false,
      features: ['commute_allowance', 'near_station', 'weekend_off', 'dormitory', 'no_transfer'],
    },
  ];
}

/** `npm start` on an empty database: offices, demo accounts and SEED_JOBS jobs (600 by default, to keep a first start short: ADR 0043). */
export async function seedDemoIfEmpty(deps: Ports<'db' | 'clock' | 'logger' | 'config'>): Promise<boolean> {
  const { db, clock, logger, config } = deps;
  const [row] = await db.select({ n: count() }).from(offices);
  if ((row?.n ?? 0) > 0) return false;
  const started = performance.now();
  const now = clock.now();
  // One transaction: a start interrupted half-way leaves an empty database (seeded again next
  // time) and the keyword index as the migration made it.
  await db.transaction(async (tx) => {
    await seedOffices(tx);
    await seedDemoAccounts(tx, now);
    await dropSearchIndex(tx);
    await seedJobs(tx, { total: config.seedJobs, now });
    await createSearchIndex(tx);
  });
  logger.info('demo data written', { jobs: config.seedJobs, ms: Math.round(performance.now() - started) });
  return true;
}

/** The demo seekers' 求職申込 in their validity history, as the real registration writes it (ADR 0012). */
function demoValidity(tx: Executor, seeker: { id: string; validUntil: string }, now: Date) {
  return changeValidUntil(tx, {
    seekerId: seeker.id,
    from: null,
    to: seeker.validUntil,
    cause: 'application',
    byAccountId: null,
    now,
  });
}
