/**
 * Test data for the 求人票 tests: the leaflet's 介護福祉士 job as form input, and helpers that create
 * jobs through the real use cases and look at the search index.
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { jobSearch } from '../../src/db/schema/index.ts';
import type { Deps } from '../../src/deps.ts';
import { acceptJob } from '../../src/modules/jobs/accept-job.ts';
import { createJob } from '../../src/modules/jobs/create-job.ts';
import { jobSchema, toJobContent } from '../../src/modules/jobs/job.schemas.ts';
import type { Fields } from '../support/http.ts';

/** The 求人票 of seed 001 (13010-09999999 介護福祉士), as a user types it. */
export function leafletJobForm(overrides: Fields = {}): Fields {
  return {
    category: 'general',
    workStyle: 'full_time',
    title: '介護福祉士',
    occupationCode: '05',
    industryCode: 'P',
    employmentType: 'regular',
    periodFixed: 'no',
    description:
      'グループホーム(2ユニット:18人定員)にて、ご利用者様に対する生活全般の介護サービスを提供いたします。食事・入浴・排せつの介助、レクリエーションの企画などをお願いします。',
    prefectureCode: '13',
    city: '千代田区',
    workplaceAddress: '霞が関1-2-2',
    nearestStation: '霞ケ関駅',
    stationWalkMinutes: '3',
    ageMax: '29',
    ageLimitReason:
      '例外事由3号のイ（長期勤続によるキャリア形成を図るため、若年者等を期間の定めのない労働契約の対象として募集・採用）',
    trialPeriod: 'あり（3か月、労働条件変更なし）',
    wageType: 'monthly',
    basePayMin: '185000',
    basePayMax: '270000',
    allowanceName1: '処遇改善手当',
    allowanceAmount1: '20000',
    wageMin: '205000',
    wageMax: '290000',
    commuteAllowance: '実費支給（上限あり）月額：30,000円',
    hasBonus: 'yes',
    bonusDetail: '年2回（計3.0か月分）',
    hoursStart1: '09:00',
    hoursEnd1: '17:00',
    hasOvertime: 'yes',
    overtimeMonthlyHours: '10',
    breakMinutes: '60',
    annualHolidays: '108',
    holidays: '他 週休二日制/その他',
    weeklyTwoDaysOff: 'other',
    insurances: ['employment', 'workers_comp', 'health', 'pension'],
    retirementAge: '65',
    openings: '1',
    selectionMethods: ['document', 'interview'],
    resultNoticeDays: '7',
    applicationDocuments: ['resume', 'career_history'],
    documentMethods: ['mypage', 'post'],
    acceptsOnlineApplication: 'yes',
    publicationScope: 'full',
    features: ['commute_allowance', 'near_station', 'car_commute'],
    specialNotes: '応募前に職場見学ができます。お気軽にご相談ください。',
    ...overrides,
  };
}

/** A job created as the employer would (submitted), optionally accepted by staff at office 13010. */
export async function createJobFor(
  deps: Deps,
  employerId: string,
  options: { overrides?: Fields; accept?: boolean; referralDeadline?: string } = {},
): Promise<{ id: number; jobNumber: string | null }> {
  const parsed = jobSchema.safeParse(leafletJobForm(options.overrides));
  if (!parsed.success) throw new Error(`fixture does not validate: ${JSON.stringify(parsed.error.issues)}`);
  const created = await createJob(deps, { employerId, content: toJobContent(parsed.data), submit: true });
  if (!created.ok) throw new Error(`fixture refused: ${created.problem}`);
  const { id } = created;
  if (options.accept === false) return { id, jobNumber: null };
  const accepted = await acceptJob(deps, {
    jobId: id,
    officeCode: '13010',
    referralDeadline: options.referralDeadline,
  });
  expect(accepted.ok).toBe(true);
  return { id, jobNumber: accepted.ok ? accepted.jobNumber : null };
}

/** Whether the job has a row in the search index (job_search). */
export async function isIndexed(deps: Deps, jobId: number): Promise<boolean> {
  const rows = await deps.db
    .select({ id: jobSearch.jobId })
    .from(jobSearch)
    .where(eq(jobSearch.jobId, jobId));
  return rows.length === 1;
}
