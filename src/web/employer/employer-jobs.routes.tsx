/**
 * 求人者マイページ: the employer's own 求人票 (SPEC EM-4). Mounted at /employer/jobs behind
 * requireRole('employer'); every query is scoped to the signed-in employer, so another employer's job
 * is simply not found (404).
 *
 * Until 受理 the employer edits the whole form (「一時保存」 or 「受理を申し込む」); once open, only
 * 応募書類の送付方法, オンライン自主応募 and 公開範囲 (reindexed at once); ended jobs are read-only.
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { findEmployer } from '../../modules/employers/employers.repository.ts';
import { createJob } from '../../modules/jobs/create-job.ts';
import { employerMayEdit } from '../../modules/jobs/job.rules.ts';
import { jobFormValues, jobSettingsSchema } from '../../modules/jobs/job.schemas.ts';
import { toJobDetailView } from '../../modules/jobs/job-view.ts';
import {
  findEmployerJob,
  type JobPosting,
  type JobRecord,
  listEmployerJobs,
} from '../../modules/jobs/jobs.repository.ts';
import { updateJob } from '../../modules/jobs/update-job.ts';
import { updateJobSettings } from '../../modules/jobs/update-job-settings.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { employerOf } from '../auth/guards.ts';
import {
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  type FormValues,
} from '../components/form.tsx';
import { JobStatusBadge } from '../components/job-card.tsx';
import { JobDetails } from '../components/job-details.tsx';
import {
  intentOf,
  JobForm,
  JobSettingsFields,
  jobFieldLabels,
  readJobForm,
} from '../components/job-form.tsx';
import { Notice } from '../components/notice.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm, validate } from '../forms.ts';
import { intParam } from '../params.ts';
import { page } from '../render.tsx';

const BASE = '/employer/jobs';

async function loadOwnJob(c: Context<AppEnv>): Promise<JobRecord> {
  const record = await findEmployerJob(c.var.deps.db, employerOf(c).id, intParam(c));
  if (!record) throw notFound('job');
  return record;
}

function JobList({ jobs }: { jobs: JobPosting[] }) {
  const { t } = useRequestContext<AppEnv>().var;
  const e = t.jobs.employer;
  const f = t.jobs.fields;
  return (
    <>
      <h1>{e.listTitle}</h1>
      <p>{e.listLead}</p>
      <p>
        <ButtonLink href={`${BASE}/new`} variant="primary">
          {e.create}
        </ButtonLink>
      </p>
      {jobs.length === 0 ? (
        <p>{e.none}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{f.title}</th>
                <th scope="col">{f.jobNumber}</th>
                <th scope="col">{f.status}</th>
                <th scope="col">{f.acceptedOn}</th>
                <th scope="col">{f.referralDeadline}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr>
                  <td>
                    <a href={`${BASE}/${job.id}`}>{job.title || e.untitled}</a>
                  </td>
                  <td>{job.jobNumber ?? t.jobs.notAccepted}</td>
                  <td>
                    <JobStatusBadge job={job} />
                  </td>
                  <td>{job.acceptedOn ? t.common.date(job.acceptedOn) : ''}</td>
                  <td>{job.referralDeadline ? t.common.date(job.referralDeadline) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function FormPage({
  title,
  action,
  values,
  errors,
  partial,
}: {
  title: string;
  action: string;
  values: FormValues;
  errors: FormErrors;
  partial?: boolean;
}) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const saved = c.req.query('saved');
  return (
    <>
      <h1>{title}</h1>
      {partial ? <Notice kind="warning">{t.jobs.form.draftPartial}</Notice> : null}
      {saved === 'draft' ? <Notice kind="success">{t.jobs.employer.draftSaved}</Notice> : null}
      <JobForm
        values={values}
        errors={errors}
        action={action}
        buttons="employer"
        note={t.jobs.form.draftNote}
      />
      <p>
        <a href={BASE}>{t.jobs.employer.back}</a>
      </p>
    </>
  );
}

interface SettingsState {
  values: FormValues;
  errors: FormErrors;
}

function JobPage({ record, settings }: { record: JobRecord; settings?: SettingsState }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const e = t.jobs.employer;
  const { job } = record;
  const saved = c.req.query('saved');
  const view = toJobDetailView(record, true, tokyoDate(c.var.deps.clock.now()));
  const settingsValues = settings?.values ?? {
    documentMethods: job.documentMethods,
    acceptsOnlineApplication: job.acceptsOnlineApplication ? 'yes' : 'no',
    publicationScope: job.publicationScope,
  };
  return (
    <>
      <h1>{job.title || e.untitled}</h1>
      <p>
        <JobStatusBadge job={job} />
      </p>
      {saved === 'submitted' ? <Notice kind="success">{e.submitted}</Notice> : null}
      {saved === 'settings' ? <Notice kind="success">{e.settingsSaved}</Notice> : null}
      {job.status === 'draft' ? <p>{e.draftNote}</p> : null}
      {job.status === 'submitted' ? <p>{e.submittedNote}</p> : null}
      {job.status === 'invalid' || job.status === 'withdrawn' ? (
        <Notice kind="warning">{e.closedNote}</Notice>
      ) : null}
      {employerMayEdit(job.status) ? (
        <p>
          <ButtonLink href={`${BASE}/${job.id}/edit`} variant="primary">
            {e.edit}
          </ButtonLink>
        </p>
      ) : null}
      {job.jobNumber && job.status === 'open' ? (
        <p>
          <a href={`/jobs/${job.jobNumber}`}>{e.viewPublic}</a>
        </p>
      ) : null}
      {job.jobNumber ? (
        <p>
          <a href={`/employer/applications?job=${job.id}`} id="job-applications-link">
            {t.applying.employer.navTitle}
          </a>
        </p>
      ) : null}
      {job.status === 'open' ? (
        <section class="panel" aria-labelledby="job-settings">
          <h2 id="job-settings">{e.settingsTitle}</h2>
          <p>{e.settingsLead}</p>
          <ErrorSummary errors={settings?.errors ?? {}} />
          <form method="post" action={`${BASE}/${job.id}/settings`} class="form" novalidate>
            <CsrfField />
            <JobSettingsFields values={settingsValues} errors={settings?.errors ?? {}} />
            <div class="actions">
              <Button>{e.settingsSave}</Button>
            </div>
          </form>
        </section>
      ) : null}
      <JobDetails view={view} />
      <p>
        <a href={BASE}>{e.back}</a>
      </p>
    </>
  );
}

/** Pre-fills a new 求人票 with what the 事業所 already told Hello Work. */
async function newJobValues(c: Context<AppEnv>): Promise<FormValues> {
  const employer = await findEmployer(c.var.deps.db, employerOf(c).id);
  if (!employer) return {};
  return {
    industryCode: employer.industryCode.trim(),
    prefectureCode: employer.prefectureCode.trim(),
    city: employer.city,
    workplaceAddress: employer.address,
  };
}

export function employerJobsRoutes(): Hono<AppEnv> {
  const renderJob = async (
    c: Context<AppEnv>,
    record: JobRecord,
    settings?: SettingsState,
    status: 200 | 400 = 200,
  ) =>
    page(
      c,
      {
        title: record.job.title || c.var.t.jobs.employer.untitled,
        portal: 'employer',
        breadcrumbs: [
          { label: c.var.t.jobs.employer.listTitle, href: BASE },
          { label: record.job.title || '―' },
        ],
      },
      <JobPage record={record} {...(settings ? { settings } : {})} />,
      status,
    );
  const renderForm = (
    c: Context<AppEnv>,
    props: { title: string; action: string; values: FormValues; errors: FormErrors; partial?: boolean },
    status: 200 | 400 = 200,
  ) =>
    page(
      c,
      {
        title: props.title,
        portal: 'employer',
        breadcrumbs: [{ label: c.var.t.jobs.employer.listTitle, href: BASE }, { label: props.title }],
      },
      <FormPage {...props} />,
      status,
    );

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const jobs = await listEmployerJobs(c.var.deps.db, employerOf(c).id);
      return page(c, { title: c.var.t.jobs.employer.listTitle, portal: 'employer' }, <JobList jobs={jobs} />);
    })
    .get('/new', async (c) =>
      renderForm(c, {
        title: c.var.t.jobs.employer.newTitle,
        action: `${BASE}/new`,
        values: { ...(await newJobValues(c)), formKey: randomUUID() },
        errors: {},
      }),
    )
    .post('/new', async (c) => {
      const { t } = c.var;
      const values = await readForm(c);
      const intent = intentOf(values);
      const read = readJobForm(t, values, intent);
      if (!read.ok)
        return renderForm(
          c,
          { title: t.jobs.employer.newTitle, action: `${BASE}/new`, values, errors: read.errors },
          400,
        );
      const created = await createJob(c.var.deps, {
        employerId: employerOf(c).id,
        content: read.content,
        submit: intent === 'submit',
        formKey: one(values, 'formKey'),
      });
      if (!created.ok)
        return renderForm(
          c,
          {
            title: t.jobs.employer.newTitle,
            action: `${BASE}/new`,
            values,
            errors: { ...read.errors, [created.field]: t.jobs.onlineApplicationNeedsMypage },
          },
          400,
        );
      const { id } = created;
      if (Object.keys(read.errors).length > 0) {
        // Saved what could be read; show the form as typed, now editing the new draft.
        return renderForm(
          c,
          {
            title: t.jobs.employer.editTitle,
            action: `${BASE}/${id}/edit`,
            values,
            errors: read.errors,
            partial: true,
          },
          400,
        );
      }
      return c.redirect(
        intent === 'submit' ? `${BASE}/${id}?saved=submitted` : `${BASE}/${id}/edit?saved=draft`,
        303,
      );
    })
    .get('/:id', async (c) => renderJob(c, await loadOwnJob(c)))
    .post('/:id/settings', async (c) => {
      const record = await loadOwnJob(c);
      if (record.job.status !== 'open') return c.redirect(`${BASE}/${record.job.id}`, 303);
      const values = await readForm(c);
      const v = validate(jobSettingsSchema, values, jobFieldLabels(c.var.t), c.var.t);
      if (!v.ok) return renderJob(c, record, { values, errors: v.errors }, 400);
      const done = await updateJobSettings(c.var.deps, {
        jobId: record.job.id,
        employerId: employerOf(c).id,
        settings: v.data,
      });
      if (done === 'employer_mypage_not_opened')
        return renderJob(
          c,
          record,
          { values, errors: { acceptsOnlineApplication: c.var.t.jobs.onlineApplicationNeedsMypage } },
          400,
        );
      return c.redirect(`${BASE}/${record.job.id}${done === 'saved' ? '?saved=settings' : ''}`, 303);
    })
    .get('/:id/edit', async (c) => {
      const { job } = await loadOwnJob(c);
      if (!employerMayEdit(job.status)) return c.redirect(`${BASE}/${job.id}`, 303);
      return renderForm(c, {
        title: c.var.t.jobs.employer.editTitle,
        action: `${BASE}/${job.id}/edit`,
        values: jobFormValues(job, job.status === 'draft'),
        errors: {},
      });
    })
    .post('/:id/edit', async (c) => {
      const { t } = c.var;
      const { job } = await loadOwnJob(c);
      if (!employerMayEdit(job.status)) return c.redirect(`${BASE}/${job.id}`, 303);
      const values = await readForm(c);
      const intent = intentOf(values);
      const action = `${BASE}/${job.id}/edit`;
      const read = readJobForm(t, values, intent);
      if (!read.ok)
        return renderForm(c, { title: t.jobs.employer.editTitle, action, values, errors: read.errors }, 400);
      const result = await updateJob(c.var.deps, {
        jobId: job.id,
        editor: { role: 'employer', employerId: employerOf(c).id },
        content: read.content,
        submit: intent === 'submit',
      });
      if (result === 'not_found') throw notFound('job');
      if (result === 'not_editable') return c.redirect(`${BASE}/${job.id}`, 303);
      if (result === 'employer_mypage_not_opened')
        return renderForm(
          c,
          {
            title: t.jobs.employer.editTitle,
            action,
            values,
            errors: { ...read.errors, acceptsOnlineApplication: t.jobs.onlineApplicationNeedsMypage },
          },
          400,
        );
      if (Object.keys(read.errors).length > 0)
        return renderForm(
          c,
          { title: t.jobs.employer.editTitle, action, values, errors: read.errors, partial: true },
          400,
        );
      return c.redirect(
        intent === 'submit' ? `${BASE}/${job.id}?saved=submitted` : `${action}?saved=draft`,
        303,
      );
    });
}
