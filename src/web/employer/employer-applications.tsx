/**
 * 応募者管理 (SPEC EM-1, EM-2, AP-5, AP-6; ADR 0021): the applications to this employer's jobs,
 * across jobs or for one, newest first; one application with its 応募内容, the documents that
 * were scanned clean (a withheld one is shown as withheld and can never be downloaded), and the
 * 紹介状; 取消 with its reason (CX-3); the 選考結果 form (EM-3, refused after the retention end of
 * DR-1 with the reason); when the documents are (or were) erased (DR-1, DR-2); the 回答予定日 and
 * whether it has passed (the reply promise, ADR 0023). Every query is scoped to the signed-in
 * employer, so another employer's application or document is a 404. Downloads are attachments
 * with the original name (RFC 6266), nosniff, no-store.
 */
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { SELECTION_RESULTS } from '../../domain/vocabulary.ts';
import {
  countEmployerApplications,
  type EmployerApplicationRow,
  findDeliverableDocument,
  findEmployerApplication,
  listApplicationDocuments,
  listEmployerApplications,
} from '../../modules/applications/applications.repository.ts';
import { type ResultRequest, registerResult } from '../../modules/applications/register-result.ts';
import { replyPromise } from '../../modules/applications/reply.rules.ts';
import {
  CONDITIONS_NOTE_MAX,
  type ResultRefusal,
  resultInputProblems,
  resultRefusal,
} from '../../modules/applications/result.rules.ts';
import { unreadByApplication } from '../../modules/threads/threads.repository.ts';
import { formatTokyoDateTime, tokyoDate } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { employerOf } from '../auth/guards.ts';
import {
  ApplicationContent,
  LetterView,
  letterOf,
  letterPdfResponse,
  resultRows,
} from '../components/application-parts.tsx';
import {
  Button,
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  TextArea,
} from '../components/form.tsx';
import { Notice } from '../components/notice.tsx';
import { Pagination, pageNumber } from '../components/pagination.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { contentDisposition } from '../content-disposition.ts';
import type { AppEnv } from '../env.ts';
import { one, readForm } from '../forms.ts';
import { markPersonal } from '../middleware.ts';
import { uuidParam } from '../params.ts';
import { page } from '../render.tsx';
import { JobFilter, readJobFilter } from './job-filter.tsx';

const PAGE_SIZE = 30;

function crumbs(c: Context<AppEnv>) {
  const { t } = c.var;
  return [
    { label: t.nav.employerHome, href: '/employer' },
    { label: t.applying.employer.title, href: '/employer/applications' },
  ];
}

/** The reply promise (ADR 0023): the 回答予定日, and in words how long ago it passed without a result. */
function ReplyCell({ row }: { row: EmployerApplicationRow }) {
  const c = useRequestContext<AppEnv>();
  const r = c.var.t.applying.reply;
  const p = replyPromise(row.application, tokyoDate(c.var.deps.clock.now()));
  if (p.kind === 'none') return <td>{r.none}</td>;
  return (
    <td id={`reply-${row.application.id}`} data-overdue={p.kind === 'overdue' ? 'true' : undefined}>
      {c.var.t.common.date(p.dueOn)}
      {p.kind === 'overdue' ? <strong class="reply-overdue">{r.overdueShort(p.days)}</strong> : null}
    </td>
  );
}

function ApplicationsTable({ rows }: { rows: EmployerApplicationRow[] }) {
  const { t } = useRequestContext<AppEnv>().var;
  const e = t.applying.employer;
  return (
    <div class="table-wrap">
      <table class="table" id="employer-applications">
        <caption>{e.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{e.appliedAt}</th>
            <th scope="col">{e.applicant}</th>
            <th scope="col">{t.jobs.fields.jobNumber}</th>
            <th scope="col">{t.jobs.fields.title}</th>
            <th scope="col">{t.applying.list.route}</th>
            <th scope="col">{t.applying.list.state}</th>
            <th scope="col">{t.applying.reply.label}</th>
            <th scope="col">{e.documents}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{formatTokyoDateTime(r.application.appliedAt)}</td>
              <th scope="row">
                <a href={`/employer/applications/${r.application.id}`}>{r.seeker.name}</a>
              </th>
              <td>{r.job.jobNumber}</td>
              <td>{r.job.title}</td>
              <td>{t.applying.route[r.application.route]}</td>
              <td>{t.applying.state[r.application.state]}</td>
              <ReplyCell row={r} />
              <td>{e.documentsCount(r.documents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ResultState {
  input: ResultRequest;
  errors: FormErrors;
  refusal?: ResultRefusal;
}

function resultErrors(c: Context<AppEnv>, input: ResultRequest): FormErrors {
  const e = c.var.t.applying.result.errors;
  const p = resultInputProblems(input);
  return {
    result: p.result ? e[p.result] : undefined,
    conditionsDiffer: p.conditionsDiffer ? e[p.conditionsDiffer] : undefined,
    conditionsNote: p.conditionsNote ? e[p.conditionsNote] : undefined,
  };
}

/**
 * 選考結果 (EM-3): the form while the application is 応募中 and before the retention end of DR-1;
 * otherwise why not (cancelled, decided, or the retention end in the configured period's words).
 */
function ResultSection({ row, state }: { row: EmployerApplication; state: ResultState }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const r = t.applying.result;
  const app = row.application;
  const months = c.var.deps.config.documentRetentionMonths;
  const refusal =
    state.refusal ??
    resultRefusal(app, { closedOn: row.job.closedOn }, months, tokyoDate(c.var.deps.clock.now()));
  const why =
    refusal === 'retention_ended'
      ? r.retentionEnded(t.applying.retention.period(months))
      : refusal
        ? r.refusal[refusal]
        : undefined;
  return (
    <section class="panel" aria-labelledby="result-title">
      <h2 id="result-title">{r.title}</h2>
      {refusal === 'decided' ? (
        <>
          {state.refusal ? (
            <Notice kind="error" title={r.refusalTitle}>
              <p id="result-refusal">{why}</p>
            </Notice>
          ) : null}
          <SummaryList id="registered-result" rows={resultRows(c, app)} />
        </>
      ) : why ? (
        <Notice kind={state.refusal ? 'error' : 'info'} title={r.refusalTitle}>
          <p id="result-refusal">{why}</p>
        </Notice>
      ) : (
        <>
          <p>{r.lead}</p>
          <ErrorSummary errors={state.errors} />
          <form method="post" action={`/employer/applications/${app.id}/result`} novalidate id="result-form">
            <CsrfField />
            <ChoiceGroup
              type="radio"
              name="result"
              label={r.result}
              badge="required"
              inline
              options={SELECTION_RESULTS.map((v) => ({ value: v, label: r.results[v] }))}
              value={state.input.result}
              error={state.errors.result}
            />
            <ChoiceGroup
              type="radio"
              name="conditionsDiffer"
              label={r.conditions}
              badge="required"
              inline
              options={(['yes', 'no'] as const).map((v) => ({ value: v, label: r.conditionsValues[v] }))}
              value={state.input.conditionsDiffer}
              error={state.errors.conditionsDiffer}
            />
            <TextArea
              name="conditionsNote"
              label={r.conditionsNote}
              hint={r.conditionsNoteHint}
              value={state.input.conditionsNote}
              error={state.errors.conditionsNote}
              maxLength={CONDITIONS_NOTE_MAX}
              rows={4}
            />
            <div class="actions">
              <Button>{r.submit}</Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

type EmployerApplication = NonNullable<Awaited<ReturnType<typeof findEmployerApplication>>>;

async function renderDetail(
  c: Context<AppEnv>,
  row: EmployerApplication,
  state: ResultState = { input: { result: '', conditionsDiffer: '', conditionsNote: '' }, errors: {} },
  status: 200 | 400 | 409 = 200,
) {
  const { t } = c.var;
  const a = t.applying;
  const f = a.employer.applicantFields;
  const app = row.application;
  const documents = await listApplicationDocuments(c.var.deps.db, app.id);
  const unread = (await unreadByApplication(c.var.deps.db, [app.id], 'employer')).get(app.id) ?? 0;
  return page(
    c,
    {
      title: a.detail.title,
      portal: 'employer',
      breadcrumbs: [...crumbs(c), { label: row.seeker.name }],
    },
    <>
      {c.req.query('decided') && app.decidedAt ? (
        <Notice kind="success">
          <p id="decided-notice">{a.result.done}</p>
        </Notice>
      ) : null}
      <h1>
        {a.detail.title}
        {t.common.colon}
        {row.seeker.name}
      </h1>
      <p>
        {row.job.jobNumber} {row.job.title}
      </p>
      <ApplicationContent
        app={app}
        documents={documents}
        audience="employer"
        closedOn={row.job.closedOn}
        lead={[
          [f.name, row.seeker.name],
          [f.kana, row.seeker.nameKana],
          [f.birthDate, t.common.date(row.seeker.birthDate)],
        ]}
      />
      {row.letterNumber ? (
        <p>
          <a href={`/employer/applications/${app.id}/letter`} id="employer-letter-link">
            {a.letter.title}（{row.letterNumber}）
          </a>
        </p>
      ) : null}
      <p>
        <a href={`/employer/applications/${app.id}/messages`} id="employer-thread-link">
          {t.threads.title}
        </a>
        {unread > 0 ? <strong class="unread-count">（{t.threads.unreadCount(unread)}）</strong> : null}
      </p>
      <ResultSection row={row} state={state} />
    </>,
    status,
  );
}

async function loadOwn(c: Context<AppEnv>) {
  const row = await findEmployerApplication(c.var.deps.db, employerOf(c).id, uuidParam(c));
  if (!row) throw notFound('application');
  return row;
}

/** Mounted at /employer/applications (behind requireRole('employer')). */
export function employerApplicationRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      markPersonal(c);
      const { t } = c.var;
      const e = t.applying.employer;
      const { employerId, jobs, job } = await readJobFilter(c);
      const total = await countEmployerApplications(c.var.deps.db, employerId, job?.id);
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const n = Math.min(pages, Math.max(1, pageNumber(c.req.query('page'))));
      const rows = await listEmployerApplications(c.var.deps.db, employerId, {
        jobId: job?.id,
        limit: PAGE_SIZE,
        offset: (n - 1) * PAGE_SIZE,
      });
      const query = (p: number) => `?${job ? `job=${job.id}&` : ''}page=${p}`;
      return page(
        c,
        { title: e.title, portal: 'employer', breadcrumbs: [crumbs(c)[0]!, { label: e.title }] },
        <>
          <h1>{e.title}</h1>
          <p>{e.lead}</p>
          <JobFilter action="/employer/applications" jobs={jobs} job={job} labels={e} />
          {job ? <h2 id="job-applications">{e.jobApplications(total)}</h2> : null}
          {rows.length === 0 ? <p id="applications-none">{e.empty}</p> : <ApplicationsTable rows={rows} />}
          <Pagination
            id="applications-pages"
            current={n}
            pages={pages}
            href={query}
            labels={{
              nav: t.seeker.activity.pagination,
              prev: t.seeker.activity.prev,
              next: t.seeker.activity.next,
              pageN: t.seeker.activity.pageN,
            }}
          />
        </>,
      );
    })
    .get('/:id', async (c) => {
      markPersonal(c);
      return renderDetail(c, await loadOwn(c));
    })
    .post('/:id/result', async (c) => {
      markPersonal(c);
      const id = uuidParam(c);
      const values = await readForm(c);
      const input = {
        result: one(values, 'result'),
        conditionsDiffer: one(values, 'conditionsDiffer'),
        conditionsNote: one(values, 'conditionsNote').replace(/\r\n?/g, '\n').trim(),
      };
      const outcome = await registerResult(c.var.deps, employerOf(c).id, id, input);
      if (!outcome) throw notFound('application');
      if (outcome.ok) return c.redirect(`/employer/applications/${id}?decided=1`, 303);
      const row = await loadOwn(c);
      if (outcome.refusal === 'invalid') {
        return renderDetail(c, row, { input, errors: resultErrors(c, input) }, 400);
      }
      return renderDetail(c, row, { input, errors: {}, refusal: outcome.refusal }, 409);
    })
    .get('/:id/documents/:doc', async (c) => {
      const employerId = employerOf(c).id;
      const doc = await findDeliverableDocument(c.var.deps.db, employerId, uuidParam(c), uuidParam(c, 'doc'));
      if (!doc?.storageKey) throw notFound('document');
      const bytes = await c.var.deps.storage.get(doc.storageKey, doc.sha256);
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': doc.contentType,
        'Content-Length': String(bytes.byteLength),
        'Content-Disposition': contentDisposition(doc.originalName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
    })
    .get('/:id/letter', async (c) => {
      markPersonal(c);
      const row = await loadOwn(c);
      const letter = await letterOf(c, row.application.id);
      const l = c.var.t.applying.letter;
      return page(
        c,
        { title: l.title, portal: 'employer', breadcrumbs: [...crumbs(c), { label: l.title }] },
        <LetterView
          letter={letter}
          copy="employer"
          pdfHref={`/employer/applications/${row.application.id}/letter.pdf`}
        />,
      );
    })
    .get('/:id/letter.pdf', async (c) => {
      const row = await loadOwn(c);
      const letter = await letterOf(c, row.application.id);
      return letterPdfResponse(c, letter, 'employer');
    });
}
