/**
 * Staff console: 情報提供 (SPEC IP-1) and お知らせ (IP-2), ADR 0017. The section of the staff seeker
 * page (forms and what was sent), the send routes under /staff/seekers/:id, and the office-wide
 * お知らせ journey at /staff/notices/new. Only staff of the seeker's home office send; every form
 * carries a one-time key that becomes the notice's dedupe key, so a double click sends once.
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import {
  informationSeekerRefusal,
  MAX_INFORMATION_JOBS,
} from '../../modules/information/information.rules.ts';
import { type InformationResult, sendInformation } from '../../modules/information/send-information.ts';
import { JOB_NUMBER } from '../../modules/jobs/job.schemas.ts';
import { KINDS } from '../../modules/notifications/kinds.ts';
import { listInboxByKind } from '../../modules/notifications/notifications.repository.ts';
import { splitJobNumbers } from '../../modules/referrals/referral.rules.ts';
import type { Seeker } from '../../modules/seekers/seekers.repository.ts';
import { findSeekerForStaff } from '../../modules/seekers/seekers-admin.repository.ts';
import { formatTokyoDateTime, tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { text } from '../../platform/fields.ts';
import { isUuid } from '../../platform/text.ts';
import { requireHomeOffice, staffOf } from '../auth/guards.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  type FormValues,
  TextArea,
} from '../components/form.tsx';
import { Notice } from '../components/notice.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm, validate } from '../forms.ts';
import { page } from '../render.tsx';

const seekerPath = (id: string) => `/staff/seekers/${id}`;
const informationSchema = z.object({ jobNumbers: text({ max: 2000, multiline: true }) });

function InformationForm({
  seekerId,
  values,
  errors,
}: {
  seekerId: string;
  values: FormValues;
  errors: FormErrors;
}) {
  const s = useRequestContext<AppEnv>().var.t.information.staff;
  const r = useRequestContext<AppEnv>().var.t.referrals.staff;
  return (
    <form
      method="post"
      action={`${seekerPath(seekerId)}/information`}
      class="form"
      id="information-form"
      novalidate
    >
      <CsrfField />
      <input type="hidden" name="key" value={randomUUID()} />
      <TextArea
        name="jobNumbers"
        label={s.jobNumbers}
        hint={r.jobNumbersHint(MAX_INFORMATION_JOBS)}
        value={one(values, 'jobNumbers')}
        error={errors.jobNumbers}
        rows={3}
        maxLength={2000}
        badge="required"
      />
      <div class="actions">
        <Button>{s.send}</Button>
      </div>
    </form>
  );
}

/** IP-1 ST-2: the 情報提供 section of the staff seeker page. */
export async function SeekerInformation({
  seeker,
  openedAt,
  mayChange,
}: {
  seeker: Seeker;
  openedAt: Date | null;
  mayChange: boolean;
}) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const s = t.information.staff;
  const refusal = informationSeekerRefusal(
    {
      kind: seeker.kind,
      active: seeker.active,
      validUntil: seeker.validUntil,
      mypageOpened: openedAt !== null,
    },
    tokyoDate(c.var.deps.clock.now()),
  );
  const sent = await listInboxByKind(c.var.deps.db, seeker.accountId, 'information.jobs', 20);
  return (
    <section class="panel" aria-labelledby="seeker-information">
      <h2 id="seeker-information">{s.title}</h2>
      <p>{s.lead}</p>
      {mayChange ? (
        refusal ? (
          <div id="information-refused">
            <Notice kind="info" title={s.refusedTitle}>
              <p>{t.information.refusal[refusal]}</p>
            </Notice>
          </div>
        ) : (
          <InformationForm seekerId={seeker.id} values={{}} errors={{}} />
        )
      ) : null}
      <h3 id="information-history">{s.historyTitle}</h3>
      {sent.length === 0 ? (
        <p id="information-none">{s.historyNone}</p>
      ) : (
        <div class="table-wrap">
          <table id="information-sent">
            <caption class="visually-hidden">{s.historyCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.columns.sentAt}</th>
                <th scope="col">{s.columns.jobs}</th>
              </tr>
            </thead>
            <tbody>
              {sent.map((m) => {
                const d = KINDS['information.jobs'].schema.safeParse(m.data);
                return (
                  <tr>
                    <td>{formatTokyoDateTime(m.createdAt)}</td>
                    <td>{d.success ? d.data.jobs.map((j) => `${j.jobNumber} ${j.title}`).join('、') : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type SeekerRow = NonNullable<Awaited<ReturnType<typeof findSeekerForStaff>>>;

async function loadSeekerToSend(c: Context<AppEnv>): Promise<SeekerRow> {
  const row = await findSeekerForStaff(c.var.deps.db, c.req.param('id') ?? '');
  if (!row) throw new AppError('not_found', 'seeker');
  requireHomeOffice(c, row.seeker.officeCode);
  return row;
}

function crumbs(c: Context<AppEnv>, seeker: Seeker, current: string) {
  const t = c.var.t;
  return [
    { label: t.nav.staffHome, href: '/staff' },
    { label: t.staff.seekers.listTitle, href: '/staff/seekers' },
    { label: seeker.name, href: seekerPath(seeker.id) },
    { label: current },
  ];
}

function JobTable({
  id,
  caption,
  rows,
}: {
  id: string;
  caption: string;
  rows: { jobNumber: string; title?: string; reason?: string }[];
}) {
  const s = useRequestContext<AppEnv>().var.t.information.staff;
  const withReason = rows.some((r) => r.reason);
  return (
    <div class="table-wrap">
      <table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.columns.jobNumber}</th>
            <th scope="col">{s.columns.title}</th>
            {withReason ? <th scope="col">{s.columns.reason}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.jobNumber}</td>
              <td>{r.title ?? '―'}</td>
              {withReason ? <td>{r.reason}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function renderInformationResult(
  c: Context<AppEnv>,
  seeker: Seeker,
  body: { result?: InformationResult; values?: FormValues; errors?: FormErrors },
  status: 200 | 400 | 409 = 200,
) {
  const t = c.var.t;
  const s = t.information.staff;
  const result = body.result;
  return page(
    c,
    { title: `${s.resultTitle} | ${seeker.name}`, portal: 'staff', breadcrumbs: crumbs(c, seeker, s.title) },
    <>
      <h1>{result ? s.resultTitle : s.title}</h1>
      <p>{seeker.name}</p>
      {!result ? (
        <>
          <ErrorSummary errors={body.errors ?? {}} />
          <InformationForm seekerId={seeker.id} values={body.values ?? {}} errors={body.errors ?? {}} />
        </>
      ) : !result.ok ? (
        <div id="information-refused">
          <Notice kind="error" title={s.refusedTitle}>
            <p>{t.information.refusal[result.refusal]}</p>
          </Notice>
        </div>
      ) : (
        <>
          <div id="information-result">
            {result.repeated ? (
              <Notice kind="info">{s.repeated}</Notice>
            ) : result.sent.length > 0 ? (
              <Notice kind="success">{s.sent(result.sent.length)}</Notice>
            ) : (
              <Notice kind="warning">{s.noneSent}</Notice>
            )}
          </div>
          {result.sent.length > 0 ? (
            <JobTable id="information-sent-jobs" caption={s.sentJobs} rows={result.sent} />
          ) : null}
          {result.refused.length > 0 ? (
            <JobTable
              id="information-refused-jobs"
              caption={s.refusedJobs}
              rows={result.refused.map((r) => ({ ...r, reason: t.referrals.refusal[r.refusal] }))}
            />
          ) : null}
        </>
      )}
      <p>
        <a href={seekerPath(seeker.id)}>{s.backToSeeker}</a>
      </p>
    </>,
    status,
  );
}

/** Mounted under /staff/seekers. */
export function staffInformationRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/:id/information', async (c) => {
    const { seeker } = await loadSeekerToSend(c);
    const t = c.var.t;
    const s = t.information.staff;
    const r = t.referrals.staff;
    const values = await readForm(c);
    const key = one(values, 'key');
    if (!isUuid(key)) throw new AppError('bad_request', 'information form key');
    const v = validate(informationSchema, values, { jobNumbers: s.jobNumbers }, t);
    if (!v.ok) return renderInformationResult(c, seeker, { values, errors: v.errors }, 400);
    const numbers = splitJobNumbers(v.data.jobNumbers);
    const bad = numbers.filter((n) => !JOB_NUMBER.test(n));
    if (bad.length > 0)
      return renderInformationResult(
        c,
        seeker,
        { values, errors: { jobNumbers: r.badNumbers(bad.join('、')) } },
        400,
      );
    if (numbers.length > MAX_INFORMATION_JOBS)
      return renderInformationResult(
        c,
        seeker,
        { values, errors: { jobNumbers: r.tooMany(MAX_INFORMATION_JOBS) } },
        400,
      );
    const result = await sendInformation(c.var.deps, {
      seekerId: seeker.id,
      staffOfficeCode: staffOf(c).officeCode,
      jobNumbers: numbers,
      key,
    });
    return renderInformationResult(c, seeker, { result }, result.ok ? 200 : 409);
  });
}
