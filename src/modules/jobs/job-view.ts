/**
 * Plain view models of a 求人票 for the web layer: the search-result card (SPEC SR-6) and the full
 * 求人票 (SR-7). They already apply 公開範囲, so a component cannot show what the viewer may not see.
 */
import type { Executor } from '../../db/client.ts';
import type { LocalDate } from '../../platform/dates.ts';
import type { Employer } from '../employers/employers.repository.ts';
import { isJobValid, jobVisibility } from './job.rules.ts';
import { CARD_EXCERPT } from './job.schemas.ts';
import type {
  EmploymentType,
  FeatureTag,
  JobCategory,
  JobStatus,
  PublicationScope,
  WageType,
  WeeklyTwoDaysOff,
  WorkHoursPattern,
  WorkStyle,
} from './job.types.ts';
import { type JobPosting, listJobsWithEmployerName } from './jobs.repository.ts';

/** SR-6: what one search result shows. `employerName` is null when 公開範囲 hides it. */
export interface JobCardView {
  id: number;
  jobNumber: string;
  title: string;
  valid: boolean;
  acceptedOn: string | null;
  referralDeadline: string | null;
  category: JobCategory;
  workStyle: WorkStyle;
  workHours: WorkHoursPattern[];
  employerName: string | null;
  holidays: string;
  weeklyTwoDaysOff: WeeklyTwoDaysOff;
  annualHolidays: number;
  prefectureCode: string;
  city: string;
  ageMin: number | null;
  ageMax: number | null;
  descriptionExcerpt: string;
  employmentType: EmploymentType;
  publicationScope: PublicationScope;
  wageType: WageType;
  wageMin: number;
  wageMax: number;
  features: FeatureTag[];
  openings: number;
}

/** The columns a card needs; a whole job_postings row fits. */
export type JobCardSource = Pick<
  JobPosting,
  | 'id'
  | 'jobNumber'
  | 'title'
  | 'status'
  | 'acceptedOn'
  | 'referralDeadline'
  | 'category'
  | 'workStyle'
  | 'workHours'
  | 'holidays'
  | 'weeklyTwoDaysOff'
  | 'annualHolidays'
  | 'prefectureCode'
  | 'city'
  | 'ageMin'
  | 'ageMax'
  | 'description'
  | 'employmentType'
  | 'publicationScope'
  | 'wageType'
  | 'wageMin'
  | 'wageMax'
  | 'features'
  | 'openings'
>;

/** The first `max` characters (code points) of a text on one line, with … when cut. */
export function excerpt(text: string, max = CARD_EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max).join('')}…`;
}

/** `referral_target`: the seeker the job was sent to (OR-3), who sees 事業所名等 like staff (jobVisibility). */
export type CardAudience = 'public' | 'staff' | 'referral_target';

/** The texts of a 求人票 that 公開範囲 may hide, and the ones around them that the keyword index reads. */
export interface JobTextSource {
  title: string;
  description: string;
  prefectureCode: string;
  city: string;
  workplaceAddress: string;
  nearestStation: string;
  education: string | null;
  experience: string | null;
  license: string | null;
  holidays: string;
  specialNotes: string;
}

/** What a viewer reads of a job's texts; null = hidden by 公開範囲 (事業所名等を含まない). */
export interface VisibleJobText extends Omit<JobTextSource, 'workplaceAddress'> {
  workplaceAddress: string | null;
  employerName: string | null;
}

/**
 * The one decision of which texts a viewer sees (SR-4, SR-6, 公開範囲): with `showsEmployer` false
 * (「事業所名等を含まない求人情報を公開する」 to anyone but staff and the owner), the 事業所名 and the
 * workplace street address — which would name the employer — are hidden; 都道府県・市区町村 and the
 * nearest station stay. The detail page, the job card and the keyword index all read it, so nothing
 * hidden on the page can be found by searching.
 */
export function visibleJobText(
  job: JobTextSource,
  employerName: string,
  showsEmployer: boolean,
): VisibleJobText {
  return {
    title: job.title,
    description: job.description,
    prefectureCode: job.prefectureCode,
    city: job.city,
    workplaceAddress: showsEmployer ? job.workplaceAddress : null,
    nearestStation: job.nearestStation,
    education: job.education,
    experience: job.experience,
    license: job.license,
    holidays: job.holidays,
    specialNotes: job.specialNotes,
    employerName: showsEmployer ? employerName : null,
  };
}

/** Whether the public sees 事業所名等 of an open job: jobVisibility for an anonymous viewer. */
export function publicShowsEmployer(job: { publicationScope: PublicationScope }): boolean {
  const open = { employerId: '', status: 'open' as const, publicationScope: job.publicationScope };
  return jobVisibility(open, { role: 'public' }) === 'full';
}

/**
 * Builds a card from a job row and its employer's name. `today` (Tokyo) decides 有効/無効; without it
 * only the status counts (search results are already within their 紹介期限日). The name is dropped
 * unless 公開範囲 is 「事業所名等を含む求人情報を公開する」 or the audience is staff or the referral target.
 */
export function toJobCardView(
  job: JobCardSource,
  employerName: string,
  today?: LocalDate,
  audience: CardAudience = 'public',
): JobCardView {
  return {
    id: job.id,
    jobNumber: job.jobNumber ?? '',
    title: job.title,
    valid: today === undefined ? job.status === 'open' : isJobValid(job, today),
    acceptedOn: job.acceptedOn,
    referralDeadline: job.referralDeadline,
    category: job.category,
    workStyle: job.workStyle,
    workHours: job.workHours,
    employerName: audience !== 'public' || publicShowsEmployer(job) ? employerName : null,
    holidays: job.holidays,
    weeklyTwoDaysOff: job.weeklyTwoDaysOff,
    annualHolidays: job.annualHolidays,
    prefectureCode: job.prefectureCode.trim(),
    city: job.city,
    ageMin: job.ageMin,
    ageMax: job.ageMax,
    descriptionExcerpt: excerpt(job.description),
    employmentType: job.employmentType,
    publicationScope: job.publicationScope,
    wageType: job.wageType,
    wageMin: job.wageMin,
    wageMax: job.wageMax,
    features: job.features as FeatureTag[],
    openings: job.openings,
  };
}

/** Cards for search hits, in the order of `jobIds`. */
export async function loadJobCards(
  db: Executor,
  jobIds: readonly number[],
  audience: CardAudience = 'public',
  today?: LocalDate,
): Promise<JobCardView[]> {
  const rows = await listJobsWithEmployerName(db, jobIds);
  return rows.map((r) => toJobCardView(r.job, r.employerName, today, audience));
}

/** The 事業所 block of a 求人票; null fields are hidden by 公開範囲. */
export interface JobEmployerView {
  establishmentNumber: string | null;
  name: string | null;
  nameKana: string | null;
  postalCode: string | null;
  prefectureCode: string | null;
  address: string | null;
  phone: string | null;
  industryCode: string;
  employeesTotal: number;
  employeesAtWorkplace: number;
  businessDescription: string;
}

/** SR-7: the full 求人票 as this viewer may see it. */
export interface JobDetailView {
  id: number;
  status: JobStatus;
  valid: boolean;
  /** false when 公開範囲 hides 事業所名等 from this viewer. */
  showsEmployer: boolean;
  officeName: string;
  job: Omit<JobPosting, 'workplaceAddress'> & { workplaceAddress: string | null };
  employer: JobEmployerView;
}

export function toJobDetailView(
  record: { job: JobPosting; employer: Employer; officeName: string },
  showsEmployer: boolean,
  today: LocalDate,
): JobDetailView {
  const { job, employer } = record;
  const shown = <T>(v: T): T | null => (showsEmployer ? v : null);
  const visible = visibleJobText(job, employer.name, showsEmployer);
  return {
    id: job.id,
    status: job.status,
    valid: isJobValid(job, today),
    showsEmployer,
    officeName: record.officeName,
    job: { ...job, prefectureCode: job.prefectureCode.trim(), workplaceAddress: visible.workplaceAddress },
    employer: {
      establishmentNumber: shown(employer.establishmentNumber),
      name: visible.employerName,
      nameKana: shown(employer.nameKana),
      postalCode: shown(employer.postalCode),
      prefectureCode: shown(employer.prefectureCode.trim()),
      address: shown(`${employer.city}${employer.address}`),
      phone: shown(employer.phone),
      industryCode: job.industryCode.trim(),
      employeesTotal: employer.employeesTotal,
      employeesAtWorkplace: employer.employeesAtWorkplace,
      businessDescription: showsEmployer ? employer.businessDescription : '',
    },
  };
}
