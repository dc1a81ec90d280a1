/**
 * One search result (SPEC SR-6): an <article> with an <h3> linking to the 求人票. The search page
 * supplies the list and its <h2>. Everything is in a single-column definition list, so it reads on a
 * 360px-wide phone and in a screen reader in the same order.
 */
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { Locale, Messages } from '../../i18n/index.ts';
import { prefectureName } from '../../modules/geo/geo.data.ts';
import { isJobValid } from '../../modules/jobs/job.rules.ts';
import type { JobStatus, WageType, WorkHoursPattern } from '../../modules/jobs/job.types.ts';
import type { JobCardView } from '../../modules/jobs/job-view.ts';
import { tokyoDate } from '../../platform/dates.ts';
import type { AppEnv } from '../env.ts';
import { SummaryList } from './summary-list.tsx';

/** 月給 205,000円～290,000円 */
export function wageText(t: Messages, type: WageType, min: number, max: number): string {
  return t.jobs.values.wage(t.codes.wageType[type], t.common.yenRange(min, max));
}

/** (1) 09:00～17:00, one pattern per line. */
export function hoursText(t: Messages, hours: WorkHoursPattern[]): string {
  if (hours.length === 0) return '';
  if (hours.length === 1) return t.jobs.values.hours(hours[0]!.start, hours[0]!.end);
  return hours.map((h, i) => `(${i + 1}) ${t.jobs.values.hours(h.start, h.end)}`).join('\n');
}

export function placeText(locale: Locale, prefectureCode: string, city: string): string {
  return `${prefectureName(prefectureCode, locale)}${locale === 'en' ? ' ' : ''}${city}`;
}

/** 〒100-8916 東京都千代田区霞が関1-2-2 (an English page: 100-8916 Tokyo 千代田区霞が関1-2-2). */
export function postalAddress(t: Messages, postalCode: string | null, place: string): string {
  return [postalCode ? t.jobs.values.postal(postalCode) : '', place].filter(Boolean).join(' ');
}

export function dateText(t: Messages, date: string | null): string {
  return date ? t.common.date(date) : t.jobs.notAccepted;
}

export function ValidBadge({ valid }: { valid: boolean }) {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <span class={`status status--${valid ? 'valid' : 'invalid'}`}>
      {valid ? t.jobs.valid : t.jobs.invalid}
    </span>
  );
}

/** 作成中 / 受理待ち / 有効 / 無効 / 取下げ; an open job past its 紹介期限日 shows as 無効. */
export function JobStatusBadge({ job }: { job: { status: JobStatus; referralDeadline: string | null } }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const expired = job.status === 'open' && !isJobValid(job, tokyoDate(c.var.deps.clock.now()));
  const valid = job.status === 'open' && !expired;
  return (
    <span class={`status status--${valid ? 'valid' : 'invalid'}`}>
      {expired ? t.jobs.invalid : t.codes.jobStatus[job.status]}
    </span>
  );
}

export function FeatureTags({ features, label }: { features: string[]; label: string }) {
  const { t } = useRequestContext<AppEnv>().var;
  if (features.length === 0) return null;
  // The list's name is read before it as text: aria-label on a <ul> is not reliably announced.
  return (
    <>
      <p class="visually-hidden">{label}</p>
      <ul class="tags">
        {features.map((f) => (
          <li class="tag">{t.codes.feature[f as keyof typeof t.codes.feature] ?? f}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * `extraRows` follow 交付年月日 and 紹介期限日 (e.g. a referral's 応募期限日, OR-3); `children` (e.g.
 * 「詳細を表示」) go at the end of the card. `href` is where the title leads (the public 求人票 unless
 * told, e.g. a referral target's own page).
 */
export function JobCard({
  job,
  extraRows = [],
  href,
  children,
}: {
  job: JobCardView;
  extraRows?: [string, Child][];
  href?: string;
  children?: Child;
}) {
  const c = useRequestContext<AppEnv>();
  const { t, locale } = c.var;
  const k = t.jobs.card;
  const headingId = `job-${job.jobNumber}`;
  return (
    <article class="panel job-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <a href={href ?? `/jobs/${job.jobNumber}`}>{job.title}</a>
      </h3>
      <p>
        <ValidBadge valid={job.valid} />
      </p>
      <SummaryList
        rows={[
          [k.acceptedOn, dateText(t, job.acceptedOn)],
          [k.referralDeadline, dateText(t, job.referralDeadline)],
          ...extraRows,
          [
            k.category,
            t.jobs.values.categoryWithStyle(t.codes.category[job.category], t.codes.workStyle[job.workStyle]),
          ],
          [k.workHours, hoursText(t, job.workHours)],
          [k.employerName, job.employerName ?? t.jobs.anonymousEmployer],
          [k.holidays, t.jobs.values.holidaysWithAnnual(job.holidays, job.annualHolidays)],
          [k.workplace, placeText(locale, job.prefectureCode, job.city)],
          [k.age, t.jobs.values.ageRange(job.ageMin, job.ageMax)],
          [k.description, job.descriptionExcerpt],
          [k.jobNumber, job.jobNumber],
          [k.employmentType, t.codes.employmentType[job.employmentType]],
          [k.publicationScope, t.jobs.scopeShort[job.publicationScope] ?? ''],
          [k.wage, wageText(t, job.wageType, job.wageMin, job.wageMax)],
          [k.openings, t.jobs.values.openings(job.openings)],
        ]}
      />
      <FeatureTags features={job.features} label={k.features} />
      {children}
    </article>
  );
}
