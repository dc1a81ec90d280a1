/**
 * The full 求人票 (SPEC SR-4, SR-7), grouped like the paper form: 基本情報, 求人事業所, 仕事内容,
 * 賃金・手当, 労働時間, その他の労働条件等, 選考等, 特記事項. It renders a JobDetailView, which has
 * already applied 公開範囲 for the viewer. Section headings are <h2> under the page's <h1>.
 */
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { prefectureName } from '../../modules/geo/geo.data.ts';
import type { JobDetailView } from '../../modules/jobs/job-view.ts';
import type { AppEnv } from '../env.ts';
import { dateText, FeatureTags, hoursText, placeText, postalAddress, wageText } from './job-card.tsx';
import { SummaryList } from './summary-list.tsx';

function Section({ id, title, children }: { id: string; title: string; children?: Child }) {
  return (
    <section class="job-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function JobDetails({ view }: { view: JobDetailView }) {
  const c = useRequestContext<AppEnv>();
  const { t, locale } = c.var;
  const f = t.jobs.fields;
  const v = t.jobs.values;
  const { job, employer } = view;
  const label = <K extends keyof typeof t.codes>(group: K, code: string): string =>
    (t.codes[group] as Record<string, string>)[code] ?? code;
  const list = <K extends keyof typeof t.codes>(group: K, codes: string[], sep = t.common.list): string =>
    codes.map((code) => label(group, code)).join(sep);
  const orNotRequired = (s: string | null) => (s === null || s === '' ? v.notRequired : s);
  const hidden = t.jobs.hidden;
  const yen = t.common.yenRange;

  const period = job.employmentPeriod.fixed
    ? [v.periodFixed(job.employmentPeriod.months), job.employmentPeriod.renewal].filter(Boolean).join('\n')
    : v.periodNone;
  // The street address may be written in full (東京都千代田区霞が関…) or after the city (霞が関…).
  const address = job.workplaceAddress ?? '';
  const workplace = address.startsWith(prefectureName(job.prefectureCode, 'ja'))
    ? address
    : [placeText(locale, job.prefectureCode, job.city), address]
        .filter(Boolean)
        .join(locale === 'en' ? ', ' : ' ');
  const station = job.nearestStation
    ? [job.nearestStation, job.stationWalkMinutes !== null ? v.walk(job.stationWalkMinutes) : '']
        .filter(Boolean)
        .join(' ')
    : '';
  const employerAddress =
    employer.address === null
      ? hidden
      : postalAddress(
          t,
          employer.postalCode,
          placeText(locale, employer.prefectureCode ?? '', employer.address),
        );

  return (
    <div class="job-details">
      <Section id="job-basics" title={t.jobs.sections.basics}>
        <SummaryList
          rows={[
            [f.jobNumber, job.jobNumber ?? t.jobs.notAccepted],
            [f.acceptedOn, dateText(t, job.acceptedOn)],
            [f.referralDeadline, dateText(t, job.referralDeadline)],
            [f.office, view.officeName],
            [
              f.category,
              v.categoryWithStyle(label('category', job.category), label('workStyle', job.workStyle)),
            ],
            [f.industryCode, label('industry', employer.industryCode)],
            [
              f.acceptsOnlineApplication,
              job.acceptsOnlineApplication ? t.jobs.onlineAccepted : t.jobs.onlineNotAccepted,
            ],
            [f.publicationScope, label('publicationScope', job.publicationScope)],
          ]}
        />
      </Section>

      <Section id="job-employer" title={t.jobs.sections.employer}>
        {view.showsEmployer ? null : <p class="muted">{t.jobs.anonymousNote}</p>}
        <SummaryList
          rows={[
            [f.establishmentNumber, employer.establishmentNumber ?? hidden],
            [f.employerName, employer.name ?? hidden],
            [f.employerKana, employer.nameKana ?? hidden],
            [f.employerAddress, employerAddress],
            [f.employerPhone, employer.phone ?? hidden],
            [
              f.employees,
              v.employees(
                t.common.persons(employer.employeesTotal),
                t.common.persons(employer.employeesAtWorkplace),
              ),
            ],
            [f.businessDescription, employer.businessDescription],
          ]}
        />
      </Section>

      <Section id="job-work" title={t.jobs.sections.work}>
        <SummaryList
          rows={[
            [f.title, job.title],
            [f.occupationCode, label('occupation', job.occupationCode.trim())],
            [f.description, job.description],
            [f.employmentType, label('employmentType', job.employmentType)],
            [f.employmentPeriod, period],
            [f.workplace, workplace],
            [f.nearestStation, station],
            [f.age, v.ageRange(job.ageMin, job.ageMax)],
            [f.ageLimitReason, job.ageMin !== null || job.ageMax !== null ? job.ageLimitReason : ''],
            [f.education, orNotRequired(job.education)],
            [f.experience, orNotRequired(job.experience)],
            [f.license, orNotRequired(job.license)],
            [f.trialPeriod, job.trialPeriod],
          ]}
        />
      </Section>

      <Section id="job-wage" title={t.jobs.sections.wage}>
        <SummaryList
          rows={[
            [f.wageType, label('wageType', job.wageType)],
            [f.basePay, yen(job.basePayMin, job.basePayMax)],
            [
              f.allowances,
              job.fixedAllowances.length
                ? job.fixedAllowances.map((a) => v.allowance(a.name, t.common.yen(a.amount))).join('\n')
                : v.no,
            ],
            [
              f.fixedOvertime,
              job.fixedOvertime
                ? v.fixedOvertime(t.common.yen(job.fixedOvertime.amount), job.fixedOvertime.hours)
                : v.no,
            ],
            [f.wage, wageText(t, job.wageType, job.wageMin, job.wageMax)],
            [f.commuteAllowance, job.commuteAllowance],
            [f.hasBonus, job.hasBonus ? [v.yes, job.bonusDetail].filter(Boolean).join('\n') : v.no],
          ]}
        />
      </Section>

      <Section id="job-hours" title={t.jobs.sections.hours}>
        <SummaryList
          rows={[
            [f.workHours, hoursText(t, job.workHours)],
            [f.workHoursNote, job.workHoursNote],
            [f.hasOvertime, job.hasOvertime ? v.overtime(job.overtimeMonthlyHours) : v.no],
            [f.breakMinutes, v.breakMinutes(job.breakMinutes)],
            [f.annualHolidays, v.annualHolidays(job.annualHolidays)],
            [f.holidays, job.holidays],
            [f.weeklyTwoDaysOff, label('weeklyTwoDaysOff', job.weeklyTwoDaysOff)],
          ]}
        />
      </Section>

      <Section id="job-conditions" title={t.jobs.sections.conditions}>
        <SummaryList
          rows={[
            [f.insurances, list('insurance', job.insurances, t.common.dotList)],
            [f.retirementAge, v.retirement(job.retirementAge)],
          ]}
        />
      </Section>

      <Section id="job-selection" title={t.jobs.sections.selection}>
        <SummaryList
          rows={[
            [f.openings, v.openings(job.openings)],
            [f.selectionMethods, list('selectionMethod', job.selectionMethods)],
            [f.resultNoticeDays, v.resultNotice(job.resultNoticeDays)],
            [f.applicationDocuments, list('applicationDocument', job.applicationDocuments)],
            [f.documentMethods, list('documentMethod', job.documentMethods)],
            [f.acceptsOnlineApplication, job.acceptsOnlineApplication ? v.accepts : v.refuses],
          ]}
        />
      </Section>

      <Section id="job-notes" title={t.jobs.sections.notes}>
        <SummaryList rows={[[f.specialNotes, job.specialNotes]]} />
        <FeatureTags features={job.features} label={f.features} />
      </Section>
    </div>
  );
}
