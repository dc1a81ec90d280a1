/**
 * Staff console: 求人票 (SPEC ST-3, SR-5). Mounted at /staff/jobs behind requireRole('staff').
 * Staff see the jobs awaiting 受理, look any job up by 求人番号, register a job for any 事業所
 * (chosen by 事業所番号) with the same form as employers, accept it (求人番号, 受付年月日, 紹介期限日),
 * correct it, and end it (無効 / 取下げ, with a reason). Each change reindexes the job in its transaction.
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { findEmployerByNumber } from '../../modules/employers/employers.repository.ts';
import { acceptJob } from '../../modules/jobs/accept-job.ts';
import { closeJob } from '../../modules/jobs/close-job.ts';
import { createJob } from '../../modules/jobs/create-job.ts';
import { defaultReferralDeadline, mayAccept, mayClose, staffMayEdit } from '../../modules/jobs/job.rules.ts';
import {
  acceptJobSchema,
  closeJobSchema,
  isCompleteJob,
  jobFormValues,
  jobLookupSchema,
  staffJobSchema,
} from '../../modules/jobs/job.schemas.ts';
import { toJobDetailView } from '../../modules/jobs/job-view.ts';
import {
  findJobById,
  findJobByNumber,
  type JobRecord,
  listJobsByStatus,
  type StaffJobRow,
} from '../../modules/jobs/jobs.repository.ts';
import { updateJob } from '../../modules/jobs/update-job.ts';
import { mayChangeAsOffice } from '../../modules/offices/office-scope.rules.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { requireHomeOffice, staffOf } from '../auth/guards.ts';
import {
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  type FormValues,
  TextArea,
  TextField,
} from '../components/form.tsx';
import { JobStatusBadge } from '../components/job-card.tsx';
import { JobDetails } from '../components/job-details.tsx';
import { intentOf, JobForm, jobFieldLabels, readJobForm } from '../components/job-form.tsx';
import { Notice } from '../components/notice.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm, validate } from '../forms.ts';
import { intParam } from '../params.ts';
import { page } from '../render.tsx';
import { JobReferrals } from './referrals.tsx';

const BASE = '/staff/jobs';

async function loadJob(c: Context<AppEnv>): Promise<JobRecord> {
  const record = await findJobById(c.var.deps.db, intParam(c));
  if (!record) throw notFound('job');
  return record;
}

/** A job to change: only its 受理安定所's staff may (ADR 0014). */
async function loadJobToChange(c: Context<AppEnv>): Promise<JobRecord> {
  const record = await loadJob(c);
  requireHomeOffice(c, record.job.officeCode);
  return record;
}

function JobTable({ rows, caption }: { rows: StaffJobRow[]; caption: string }) {
  const { t } = useRequestContext<AppEnv>().var;
  const f = t.jobs.fields;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{f.title}</th>
            <th scope="col">{t.jobs.staff.employer}</th>
            <th scope="col">{f.establishmentNumber}</th>
            <th scope="col">{f.status}</th>
            <th scope="col">{t.jobs.staff.updatedAt}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ job, employerName, establishmentNumber }) => (
            <tr>
              <td>
                <a href={`${BASE}/${job.id}`}>{job.title || t.jobs.employer.untitled}</a>
              </td>
              <td>{employerName}</td>
              <td>{establishmentNumber}</td>
              <td>
                <JobStatusBadge job={job} />
              </td>
              <td>{t.common.date(tokyoDate(job.updatedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ListPage({
  submitted,
  drafts,
  lookup,
}: {
  submitted: StaffJobRow[];
  drafts: StaffJobRow[];
  lookup: { value: string; error?: string | undefined };
}) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.jobs.staff;
  return (
    <>
      <h1>{s.listTitle}</h1>
      <p>
        <ButtonLink href={`${BASE}/new`} variant="primary">
          {s.create}
        </ButtonLink>
      </p>
      <section class="panel" aria-labelledby="jobs-lookup">
        <h2 id="jobs-lookup">{s.lookup}</h2>
        <ErrorSummary errors={{ number: lookup.error }} />
        <search>
          <form method="get" action={BASE} class="form" novalidate>
            <TextField
              name="number"
              label={t.jobs.fields.jobNumber}
              value={lookup.value}
              error={lookup.error}
              width="medium"
              inputmode="numeric"
            />
            <Button variant="secondary">{s.lookupButton}</Button>
          </form>
        </search>
      </section>
      <section aria-labelledby="jobs-awaiting">
        <h2 id="jobs-awaiting">{s.awaiting}</h2>
        {submitted.length === 0 ? (
          <p>{s.awaitingNone}</p>
        ) : (
          <JobTable rows={submitted} caption={s.awaiting} />
        )}
      </section>
      <section aria-labelledby="jobs-drafts">
        <h2 id="jobs-drafts">{s.drafts}</h2>
        {drafts.length === 0 ? <p>{s.draftsNone}</p> : <JobTable rows={drafts} caption={s.drafts} />}
      </section>
    </>
  );
}

interface DetailState {
  accept?: { values: FormValues; errors: FormErrors };
  close?: { values: FormValues; errors: FormErrors };
  message?: string;
}

function DetailPage({ record, state }: { record: JobRecord; state: DetailState }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const s = t.jobs.staff;
  const { job } = record;
  const today = tokyoDate(c.var.deps.clock.now());
  const saved = c.req.query('saved');
  const view = toJobDetailView(record, true, today);
  const complete = mayAccept(job.status) && isCompleteJob(job);
  // Every office reads; only the 受理安定所 changes the job (ADR 0014).
  const mayChange = mayChangeAsOffice(staffOf(c).officeCode, job.officeCode);
  return (
    <>
      <h1>{job.title || t.jobs.employer.untitled}</h1>
      <p>
        <JobStatusBadge job={job} />
      </p>
      {mayChange ? null : (
        <Notice kind="info" title={t.staff.otherOffice.title}>
          <p id="other-office">{t.staff.otherOffice.job(job.officeCode)}</p>
        </Notice>
      )}
      {state.message ? <Notice kind="error">{state.message}</Notice> : null}
      {saved === 'accepted' && job.jobNumber && job.referralDeadline ? (
        <Notice kind="success">{s.acceptedNotice(job.jobNumber, t.common.date(job.referralDeadline))}</Notice>
      ) : null}
      {saved === 'registered' ? <Notice kind="success">{s.registered}</Notice> : null}
      {saved === 'saved' ? <Notice kind="success">{s.saved}</Notice> : null}
      {saved === 'invalid' ? <Notice kind="success">{s.invalidated}</Notice> : null}
      {saved === 'withdrawn' ? <Notice kind="success">{s.withdrawn}</Notice> : null}
      {(job.status === 'invalid' || job.status === 'withdrawn') && job.closedOn ? (
        <p id="closed-note">
          {s.closedNote(t.codes.jobStatus[job.status], t.common.date(job.closedOn))}
          {job.closedCause === 'expired'
            ? ` ${s.reason}${t.common.colon}${t.codes.jobCloseCause.expired}`
            : job.closedReason
              ? ` ${s.reason}${t.common.colon}${job.closedReason}`
              : ''}
        </p>
      ) : null}
      <ul>
        {mayChange && staffMayEdit(job.status) ? (
          <li>
            <a href={`${BASE}/${job.id}/edit`}>{s.edit}</a>
          </li>
        ) : null}
        {job.jobNumber ? (
          <li>
            <a href={`/jobs/${job.jobNumber}`}>{s.viewPublic}</a>
          </li>
        ) : null}
      </ul>

      {mayChange && mayAccept(job.status) ? (
        <section class="panel" aria-labelledby="job-accept">
          <h2 id="job-accept">{s.accept}</h2>
          {complete ? (
            <>
              <p>{s.acceptLead}</p>
              <ErrorSummary errors={state.accept?.errors ?? {}} />
              <form method="post" action={`${BASE}/${job.id}/accept`} class="form" novalidate>
                <CsrfField />
                <TextField
                  name="referralDeadline"
                  label={t.jobs.fields.referralDeadline}
                  hint={t.jobs.hints.referralDeadline(t.common.date(defaultReferralDeadline(today)))}
                  value={one(state.accept?.values ?? {}, 'referralDeadline')}
                  error={state.accept?.errors.referralDeadline}
                  type="date"
                  width="medium"
                  badge="optional"
                />
                <Button>{s.acceptButton}</Button>
              </form>
            </>
          ) : (
            <Notice kind="warning">{s.incomplete}</Notice>
          )}
        </section>
      ) : null}

      {mayChange && mayClose(job.status) ? (
        <section class="panel" aria-labelledby="job-close">
          <h2 id="job-close">{s.closeTitle}</h2>
          <p>{s.closeLead}</p>
          <ErrorSummary errors={state.close?.errors ?? {}} />
          <form method="post" action={`${BASE}/${job.id}/close`} class="form" novalidate>
            <CsrfField />
            <TextArea
              name="reason"
              label={s.reason}
              value={one(state.close?.values ?? {}, 'reason')}
              error={state.close?.errors.reason}
              rows={3}
              maxLength={200}
              badge="required"
            />
            <div class="actions">
              <Button name="kind" value="invalid" variant="danger">
                {s.invalidate}
              </Button>
              <Button name="kind" value="withdrawn" variant="danger">
                {s.withdraw}
              </Button>
            </div>
          </form>
        </section>
      ) : null}

      {job.jobNumber ? <JobReferrals jobId={job.id} /> : null}
      <JobDetails view={view} />
      <p>
        <a href={BASE}>{s.back}</a>
      </p>
    </>
  );
}

function FormPage(props: {
  title: string;
  action: string;
  values: FormValues;
  errors: FormErrors;
  establishment: boolean;
  open: boolean;
  partial?: boolean;
}) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  return (
    <>
      <h1>{props.title}</h1>
      {props.partial ? <Notice kind="warning">{t.jobs.form.draftPartial}</Notice> : null}
      {c.req.query('saved') === 'draft' ? <Notice kind="success">{t.jobs.staff.draftSaved}</Notice> : null}
      <JobForm
        values={props.values}
        errors={props.errors}
        action={props.action}
        buttons={props.open ? 'open' : 'staff'}
        establishment={props.establishment}
        {...(props.open ? {} : { note: t.jobs.form.staffNote })}
      />
      <p>
        <a href={BASE}>{t.jobs.staff.back}</a>
      </p>
    </>
  );
}

export function staffJobsRoutes(): Hono<AppEnv> {
  const renderList = async (
    c: Context<AppEnv>,
    lookup: { value: string; error?: string },
    status: 200 | 400 = 200,
  ) => {
    const { db } = c.var.deps;
    const [submitted, drafts] = await Promise.all([
      listJobsByStatus(db, 'submitted'),
      listJobsByStatus(db, 'draft', { officeCode: staffOf(c).officeCode, limit: 50 }),
    ]);
    return page(
      c,
      { title: c.var.t.jobs.staff.listTitle, portal: 'staff' },
      <ListPage submitted={submitted} drafts={drafts} lookup={lookup} />,
      status,
    );
  };
  const renderDetail = (
    c: Context<AppEnv>,
    record: JobRecord,
    state: DetailState = {},
    status: 200 | 400 | 409 = 200,
  ) =>
    page(
      c,
      {
        title: record.job.title || c.var.t.jobs.employer.untitled,
        portal: 'staff',
        breadcrumbs: [
          { label: c.var.t.jobs.staff.listTitle, href: BASE },
          { label: record.job.title || '―' },
        ],
      },
      <DetailPage record={record} state={state} />,
      status,
    );
  const renderForm = (c: Context<AppEnv>, props: Parameters<typeof FormPage>[0], status: 200 | 400 = 200) =>
    page(
      c,
      {
        title: props.title,
        portal: 'staff',
        breadcrumbs: [{ label: c.var.t.jobs.staff.listTitle, href: BASE }, { label: props.title }],
      },
      <FormPage {...props} />,
      status,
    );

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const raw = c.req.query('number');
      if (raw === undefined) return renderList(c, { value: '' });
      const { t } = c.var;
      const v = validate(jobLookupSchema, { number: raw }, { number: t.jobs.fields.jobNumber }, t);
      if (!v.ok)
        return renderList(c, { value: raw, ...(v.errors.number ? { error: v.errors.number } : {}) }, 400);
      const record = await findJobByNumber(c.var.deps.db, v.data.number);
      if (!record) return renderList(c, { value: raw, error: t.jobs.staff.lookupNotFound }, 400);
      return c.redirect(`${BASE}/${record.job.id}`, 303);
    })
    .get('/new', (c) =>
      renderForm(c, {
        title: c.var.t.jobs.staff.newTitle,
        action: `${BASE}/new`,
        values: { formKey: randomUUID() },
        errors: {},
        establishment: true,
        open: false,
      }),
    )
    .post('/new', async (c) => {
      const { t } = c.var;
      const values = await readForm(c);
      const intent = intentOf(values);
      const base = {
        title: t.jobs.staff.newTitle,
        action: `${BASE}/new`,
        values,
        establishment: true,
        open: false,
      };
      const read = readJobForm(t, values, intent);
      const est = validate(staffJobSchema, values, jobFieldLabels(t), t);
      const employer = est.ok
        ? await findEmployerByNumber(c.var.deps.db, est.data.establishmentNumber)
        : undefined;
      const employerError = est.ok
        ? employer
          ? undefined
          : t.jobs.staff.unknownEmployer
        : est.errors.establishmentNumber;
      if (!read.ok || !employer) {
        const errors = { ...(employerError ? { establishmentNumber: employerError } : {}), ...read.errors };
        return renderForm(c, { ...base, errors }, 400);
      }
      const created = await createJob(c.var.deps, {
        employerId: employer.id,
        content: read.content,
        submit: intent === 'submit',
        formKey: one(values, 'formKey'),
      });
      if (!created.ok)
        return renderForm(
          c,
          { ...base, errors: { ...read.errors, [created.field]: t.jobs.onlineApplicationNeedsMypage } },
          400,
        );
      const { id } = created;
      if (Object.keys(read.errors).length > 0)
        return renderForm(
          c,
          {
            ...base,
            title: t.jobs.staff.editTitle,
            action: `${BASE}/${id}/edit`,
            establishment: false,
            errors: read.errors,
            partial: true,
          },
          400,
        );
      return c.redirect(
        intent === 'submit' ? `${BASE}/${id}?saved=registered` : `${BASE}/${id}/edit?saved=draft`,
        303,
      );
    })
    .get('/:id', async (c) => renderDetail(c, await loadJob(c)))
    .post('/:id/accept', async (c) => {
      const { t } = c.var;
      const record = await loadJobToChange(c);
      const values = await readForm(c);
      const v = validate(acceptJobSchema, values, jobFieldLabels(t), t);
      if (!v.ok) return renderDetail(c, record, { accept: { values, errors: v.errors } }, 400);
      const result = await acceptJob(c.var.deps, {
        jobId: record.job.id,
        officeCode: staffOf(c).officeCode,
        referralDeadline: v.data.referralDeadline || undefined,
      });
      if (result.ok) return c.redirect(`${BASE}/${record.job.id}?saved=accepted`, 303);
      const today = tokyoDate(c.var.deps.clock.now());
      switch (result.reason) {
        case 'not_found':
          throw notFound('job');
        case 'deadline_past':
          return renderDetail(
            c,
            record,
            {
              accept: {
                values,
                errors: { referralDeadline: t.jobs.staff.deadlinePast(t.common.date(today)) },
              },
            },
            400,
          );
        case 'deadline_too_late':
          return renderDetail(
            c,
            record,
            {
              accept: {
                values,
                errors: {
                  referralDeadline: t.jobs.staff.deadlineTooLate(
                    t.common.date(defaultReferralDeadline(today)),
                  ),
                },
              },
            },
            400,
          );
        case 'incomplete':
          return renderDetail(c, record, { message: t.jobs.staff.incomplete }, 400);
        default:
          return renderDetail(
            c,
            (await findJobById(c.var.deps.db, record.job.id)) ?? record,
            {
              message: t.jobs.staff.notAcceptable,
            },
            409,
          );
      }
    })
    .post('/:id/close', async (c) => {
      const { t } = c.var;
      const record = await loadJobToChange(c);
      const values = await readForm(c);
      const v = validate(closeJobSchema, values, jobFieldLabels(t), t);
      if (!v.ok) return renderDetail(c, record, { close: { values, errors: v.errors } }, 400);
      const kind = v.data.kind ?? 'invalid';
      const closed = await closeJob(c.var.deps, {
        jobId: record.job.id,
        kind,
        reason: v.data.reason,
        staffId: staffOf(c).id,
      });
      if (!closed) return c.redirect(`${BASE}/${record.job.id}`, 303);
      return c.redirect(`${BASE}/${record.job.id}?saved=${kind}`, 303);
    })
    .get('/:id/edit', async (c) => {
      const { job } = await loadJobToChange(c);
      if (!staffMayEdit(job.status)) return c.redirect(`${BASE}/${job.id}`, 303);
      return renderForm(c, {
        title: c.var.t.jobs.staff.editTitle,
        action: `${BASE}/${job.id}/edit`,
        values: jobFormValues(job, job.status === 'draft'),
        errors: {},
        establishment: false,
        open: job.status === 'open',
      });
    })
    .post('/:id/edit', async (c) => {
      const { t } = c.var;
      const { job } = await loadJobToChange(c);
      if (!staffMayEdit(job.status)) return c.redirect(`${BASE}/${job.id}`, 303);
      const values = await readForm(c);
      const open = job.status === 'open';
      // An open job is corrected as a whole: no 一時保存.
      const intent = open ? 'submit' : intentOf(values);
      const action = `${BASE}/${job.id}/edit`;
      const base = { title: t.jobs.staff.editTitle, action, values, establishment: false, open };
      const read = readJobForm(t, values, intent);
      if (!read.ok) return renderForm(c, { ...base, errors: read.errors }, 400);
      const result = await updateJob(c.var.deps, {
        jobId: job.id,
        editor: { role: 'staff' },
        content: read.content,
        submit: intent === 'submit',
      });
      if (result === 'not_found') throw notFound('job');
      if (result === 'not_editable') return c.redirect(`${BASE}/${job.id}`, 303);
      if (result === 'employer_mypage_not_opened')
        return renderForm(
          c,
          {
            ...base,
            errors: { ...read.errors, acceptsOnlineApplication: t.jobs.onlineApplicationNeedsMypage },
          },
          400,
        );
      if (Object.keys(read.errors).length > 0)
        return renderForm(c, { ...base, errors: read.errors, partial: true }, 400);
      if (intent === 'draft') return c.redirect(`${action}?saved=draft`, 303);
      return c.redirect(`${BASE}/${job.id}?saved=${open ? 'saved' : 'registered'}`, 303);
    });
}
