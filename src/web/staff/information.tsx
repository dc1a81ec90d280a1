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
import { countOfficeRecipients } from '../../modules/information/notices.repository.ts';
import { type InformationResult, sendInformation } from '../../modules/information/send-information.ts';
import {
  NOTICE_BODY_MAX,
  NOTICE_TITLE_MAX,
  sendNoticeToSeeker,
  sendOfficeNotice,
} from '../../modules/information/send-notice.ts';
import { JOB_NUMBER } from '../../modules/jobs/job.schemas.ts';
import { KINDS } from '../../modules/notifications/kinds.ts';
import { listInboxByKind } from '../../modules/notifications/notifications.repository.ts';
import { splitJobNumbers } from '../../modules/referrals/referral.rules.ts';
import type { Seeker } from '../../modules/seekers/seekers.repository.ts';
import { formatTokyoDateTime, tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { text } from '../../platform/fields.ts';
import { hmac, safeEqual } from '../../platform/ids.ts';
import { isUuid } from '../../platform/text.ts';
import { staffOf } from '../auth/guards.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  type FormValues,
  TextArea,
  TextField,
} from '../components/form.tsx';
import { Notice } from '../components/notice.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm, validate } from '../forms.ts';
import { page } from '../render.tsx';
import { loadSeekerToChange, seekerPath, seekerStepCrumbs } from './seeker-context.ts';

const informationSchema = z.object({ jobNumbers: text({ max: 2000, multiline: true }) });

/** The staff seeker page also has the referral form's jobNumbers: this form's field ids are scoped. */
const INFORMATION_SCOPE = 'information';

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
        scope={INFORMATION_SCOPE}
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
                    <td>
                      {d.success
                        ? d.data.jobs.map((j) => `${j.jobNumber} ${j.title}`).join(t.common.list)
                        : ''}
                    </td>
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
    {
      title: `${s.resultTitle} | ${seeker.name}`,
      portal: 'staff',
      breadcrumbs: seekerStepCrumbs(c, seeker, s.title),
    },
    <>
      <h1>{result ? s.resultTitle : s.title}</h1>
      <p>{seeker.name}</p>
      {!result ? (
        <>
          <ErrorSummary errors={body.errors ?? {}} scopes={{ jobNumbers: INFORMATION_SCOPE }} />
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
    const { seeker } = await loadSeekerToChange(c);
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
        { values, errors: { jobNumbers: r.badNumbers(bad.join(t.common.list)) } },
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

// ---------------------------------------------------------------- お知らせ (IP-2)

const noticeSchema = z.object({
  title: text({ max: NOTICE_TITLE_MAX }),
  body: text({ max: NOTICE_BODY_MAX, multiline: true }),
});

function NoticeFields({ values, errors }: { values: FormValues; errors: FormErrors }) {
  const n = useRequestContext<AppEnv>().var.t.information.notice;
  return (
    <>
      <TextField
        name="title"
        label={n.noticeTitle}
        hint={n.titleHint(NOTICE_TITLE_MAX)}
        value={one(values, 'title')}
        error={errors.title}
        maxLength={NOTICE_TITLE_MAX}
        badge="required"
      />
      <TextArea
        name="body"
        label={n.body}
        hint={n.bodyHint(NOTICE_BODY_MAX)}
        value={one(values, 'body')}
        error={errors.body}
        rows={8}
        maxLength={NOTICE_BODY_MAX}
        badge="required"
      />
    </>
  );
}

function SeekerNoticeForm({
  seekerId,
  values,
  errors,
}: {
  seekerId: string;
  values: FormValues;
  errors: FormErrors;
}) {
  const n = useRequestContext<AppEnv>().var.t.information.notice;
  return (
    <form method="post" action={`${seekerPath(seekerId)}/notices`} class="form" id="notice-form" novalidate>
      <CsrfField />
      <input type="hidden" name="key" value={randomUUID()} />
      <NoticeFields values={values} errors={errors} />
      <div class="actions">
        <Button>{n.send}</Button>
      </div>
    </form>
  );
}

/** IP-2: the お知らせ section of the staff seeker page. */
export function SeekerNotice({
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
  const n = t.information.notice;
  if (!mayChange) return null;
  const refusal = informationSeekerRefusal(
    {
      kind: seeker.kind,
      active: seeker.active,
      validUntil: seeker.validUntil,
      mypageOpened: openedAt !== null,
    },
    tokyoDate(c.var.deps.clock.now()),
  );
  return (
    <section class="panel" aria-labelledby="seeker-notice">
      <h2 id="seeker-notice">{n.title}</h2>
      <p>{n.lead}</p>
      {refusal ? (
        <div id="notice-refused">
          <Notice kind="info" title={n.refusedTitle}>
            <p>{t.information.refusal[refusal]}</p>
          </Notice>
        </div>
      ) : (
        <SeekerNoticeForm seekerId={seeker.id} values={{}} errors={{}} />
      )}
    </section>
  );
}

function noticeLabels(c: Context<AppEnv>) {
  const n = c.var.t.information.notice;
  return { title: n.noticeTitle, body: n.body };
}

/** Mounted under /staff/seekers: a notice to one seeker. */
export function staffSeekerNoticeRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/:id/notices', async (c) => {
    const { seeker } = await loadSeekerToChange(c);
    const t = c.var.t;
    const n = t.information.notice;
    const values = await readForm(c);
    const key = one(values, 'key');
    if (!isUuid(key)) throw new AppError('bad_request', 'notice form key');
    const v = validate(noticeSchema, values, noticeLabels(c), t);
    const shell = (content: unknown, status: 200 | 400 | 409) =>
      page(
        c,
        {
          title: `${n.resultTitle} | ${seeker.name}`,
          portal: 'staff',
          breadcrumbs: seekerStepCrumbs(c, seeker, n.title),
        },
        <>
          <h1>{n.title}</h1>
          <p>{seeker.name}</p>
          {content}
          <p>
            <a href={seekerPath(seeker.id)}>{t.information.staff.backToSeeker}</a>
          </p>
        </>,
        status,
      );
    if (!v.ok)
      return shell(
        <>
          <ErrorSummary errors={v.errors} />
          <SeekerNoticeForm seekerId={seeker.id} values={values} errors={v.errors} />
        </>,
        400,
      );
    const result = await sendNoticeToSeeker(c.var.deps, {
      seekerId: seeker.id,
      staffOfficeCode: staffOf(c).officeCode,
      title: v.data.title,
      body: v.data.body,
      key,
    });
    if (!result.ok)
      return shell(
        <div id="notice-refused">
          <Notice kind="error" title={n.refusedTitle}>
            <p>{t.information.refusal[result.refusal]}</p>
          </Notice>
        </div>,
        409,
      );
    return shell(
      <div id="notice-result">
        {result.repeated ? (
          <Notice kind="info">{n.repeated}</Notice>
        ) : (
          <Notice kind="success">{n.sentOne}</Notice>
        )}
      </div>,
      200,
    );
  });
}

/** The confirmation step's signature: only what was confirmed, by this office, can be sent. */
const noticeSignature = (c: Context<AppEnv>, office: string, key: string, title: string, body: string) =>
  hmac(c.var.deps.secret, `notice|${office}|${key}|${title}|${body}`);

function officeCrumbs(c: Context<AppEnv>, current: string) {
  return [{ label: c.var.t.nav.staffHome, href: '/staff' }, { label: current }];
}

function renderOfficeInput(
  c: Context<AppEnv>,
  state: { values: FormValues; errors: FormErrors; restart?: boolean },
  status: 200 | 400 = 200,
) {
  const n = c.var.t.information.notice;
  const office = staffOf(c).officeCode;
  return page(
    c,
    { title: n.officeTitle, portal: 'staff', breadcrumbs: officeCrumbs(c, n.officeTitle) },
    <>
      <h1>{n.officeTitle}</h1>
      <p>{n.officeLead(office)}</p>
      {state.restart ? <Notice kind="info">{n.restart}</Notice> : null}
      <ErrorSummary errors={state.errors} />
      <form method="post" action="/staff/notices/new" class="form" id="office-notice-form" novalidate>
        <CsrfField />
        <NoticeFields values={state.values} errors={state.errors} />
        <div class="actions">
          <Button>{n.next}</Button>
        </div>
      </form>
    </>,
    status,
  );
}

/** Mounted at /staff/notices: a notice to every fully registered seeker of the staff's office. */
export function staffOfficeNoticeRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/new', async (c) => renderOfficeInput(c, { values: {}, errors: {} }))
    .post('/new', async (c) => {
      const t = c.var.t;
      const n = t.information.notice;
      const values = await readForm(c);
      const v = validate(noticeSchema, values, noticeLabels(c), t);
      if (!v.ok) return renderOfficeInput(c, { values, errors: v.errors }, 400);
      const office = staffOf(c).officeCode;
      const recipients = await countOfficeRecipients(
        c.var.deps.db,
        office,
        tokyoDate(c.var.deps.clock.now()),
      );
      const key = randomUUID();
      return page(
        c,
        { title: n.confirmTitle, portal: 'staff', breadcrumbs: officeCrumbs(c, n.confirmTitle) },
        <>
          <h1>{n.confirmTitle}</h1>
          <p id="notice-recipients">{recipients > 0 ? n.recipients(recipients) : n.noRecipients}</p>
          <dl class="summary-list" id="notice-preview">
            <div>
              <dt>{n.noticeTitle}</dt>
              <dd>{v.data.title}</dd>
            </div>
            <div>
              <dt>{n.body}</dt>
              <dd>
                {v.data.body.split('\n').map((line) => (
                  <p>{line}</p>
                ))}
              </dd>
            </div>
          </dl>
          {recipients > 0 ? (
            <form method="post" action="/staff/notices/send" class="form" id="office-notice-send">
              <CsrfField />
              <input type="hidden" name="title" value={v.data.title} />
              <input type="hidden" name="body" value={v.data.body} />
              <input type="hidden" name="key" value={key} />
              <input
                type="hidden"
                name="sig"
                value={noticeSignature(c, office, key, v.data.title, v.data.body)}
              />
              <div class="actions">
                <Button>{n.send}</Button>
              </div>
            </form>
          ) : null}
          <p>
            <a href="/staff/notices/new">{n.back}</a>
          </p>
        </>,
      );
    })
    .post('/send', async (c) => {
      const t = c.var.t;
      const n = t.information.notice;
      const values = await readForm(c);
      const office = staffOf(c).officeCode;
      const key = one(values, 'key');
      const v = validate(noticeSchema, values, noticeLabels(c), t);
      const sig = one(values, 'sig');
      if (
        !v.ok ||
        !isUuid(key) ||
        !sig ||
        !safeEqual(sig, noticeSignature(c, office, key, v.data.title, v.data.body))
      ) {
        return renderOfficeInput(c, { values: v.ok ? values : {}, errors: {}, restart: true }, 400);
      }
      const result = await sendOfficeNotice(c.var.deps, {
        staffOfficeCode: office,
        title: v.data.title,
        body: v.data.body,
        key,
      });
      return page(
        c,
        { title: n.resultTitle, portal: 'staff', breadcrumbs: officeCrumbs(c, n.resultTitle) },
        <>
          <h1>{n.resultTitle}</h1>
          <div id="notice-result">
            {result.sent === 0 && result.recipients > 0 ? (
              <Notice kind="info">{n.repeated}</Notice>
            ) : (
              <Notice kind="success">{n.sentMany(result.sent)}</Notice>
            )}
          </div>
          <p>
            <a href="/staff">{n.toStaffHome}</a>
          </p>
        </>,
      );
    });
}
