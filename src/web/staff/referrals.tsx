/**
 * Staff console: オンラインハローワーク紹介 (SPEC OR-1, OR-2, OR-4, ST-2; ADR 0016). The section of the
 * seeker page (form and what was sent, with its state), the input → confirmation → send journey
 * (guarded by the journey cookie; the batch key in it makes a repeated 送信 harmless), and the "sent
 * to" list of the job page. Mounted under /staff/seekers; only the seeker's home office sends.
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import { JOB_NUMBER } from '../../modules/jobs/job.schemas.ts';
import {
  defaultApplyBy,
  MAX_JOBS_PER_SEND,
  referralState,
  type SeekerRefusal,
  seekerRefusal,
  splitJobNumbers,
} from '../../modules/referrals/referral.rules.ts';
import {
  listReferralsForJob,
  listReferralsForSeeker,
  type StaffReferralRow,
} from '../../modules/referrals/referrals.repository.ts';
import {
  type PlannedTarget,
  planReferrals,
  type ReferralRequest,
  sendReferrals,
} from '../../modules/referrals/send-referrals.ts';
import type { Seeker } from '../../modules/seekers/seekers.repository.ts';
import { formatTokyoDateTime, type LocalDate, tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { date, text } from '../../platform/fields.ts';
import { staffOf } from '../auth/guards.ts';
import { clearJourney, readJourney, writeJourney } from '../auth/journey.ts';
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

const FLOW = 'referral';
const referralFormSchema = z.object({
  jobNumbers: text({ max: 2000, multiline: true }),
  applyBy: date({ optional: true }),
});

function RefusalText({ refusal }: { refusal: SeekerRefusal | PlannedTarget['refusal'] }) {
  const c = useRequestContext<AppEnv>();
  const r = c.var.t.referrals;
  if (!refusal) return null;
  return (
    <>
      {r.refusal[refusal]}
      {refusal === 'counselling_too_old' || refusal === 'no_counselling'
        ? ` ${r.counsellingLimit(c.var.deps.config.referral.counsellingDays)}`
        : ''}
    </>
  );
}

function ReferralForm({
  seekerId,
  values,
  errors,
}: {
  seekerId: string;
  values: FormValues;
  errors: FormErrors;
}) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const s = t.referrals.staff;
  const days = c.var.deps.config.referral.applyDays;
  return (
    <form
      method="post"
      action={`${seekerPath(seekerId)}/referrals`}
      class="form"
      id="referral-form"
      novalidate
    >
      <CsrfField />
      <TextArea
        name="jobNumbers"
        label={s.jobNumbers}
        hint={s.jobNumbersHint(MAX_JOBS_PER_SEND)}
        value={one(values, 'jobNumbers')}
        error={errors.jobNumbers}
        rows={4}
        maxLength={2000}
        badge="required"
      />
      <TextField
        name="applyBy"
        type="date"
        label={s.applyBy}
        hint={s.applyByHint(days, t.common.date(defaultApplyBy(c.var.deps.clock.now(), days)))}
        value={one(values, 'applyBy')}
        error={errors.applyBy}
        width="medium"
        badge="optional"
      />
      <div class="actions">
        <Button>{s.next}</Button>
      </div>
    </form>
  );
}

function stateOf(r: StaffReferralRow, now: Date) {
  return referralState(r, r.job, now);
}

/** ST-2: the section of the staff seeker page. */
export async function SeekerReferrals({
  seeker,
  openedAt,
  lastCounsellingOn,
  mayChange,
}: {
  seeker: Seeker;
  openedAt: Date | null;
  lastCounsellingOn: LocalDate | undefined;
  mayChange: boolean;
}) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const s = t.referrals.staff;
  const now = c.var.deps.clock.now();
  const rows = await listReferralsForSeeker(c.var.deps.db, seeker.id);
  const refusal = seekerRefusal(
    {
      kind: seeker.kind,
      active: seeker.active,
      validUntil: seeker.validUntil,
      mypageOpened: openedAt !== null,
      lastCounsellingOn,
    },
    tokyoDate(now),
    c.var.deps.config.referral.counsellingDays,
  );
  return (
    <section class="panel" aria-labelledby="seeker-referrals">
      <h2 id="seeker-referrals">{s.title}</h2>
      <p>{s.lead}</p>
      {mayChange ? (
        refusal ? (
          <div id="referral-refused">
            <Notice kind="info" title={s.seekerRefusedTitle}>
              <p>
                <RefusalText refusal={refusal} />
              </p>
            </Notice>
          </div>
        ) : (
          <>
            <h3>{s.formTitle}</h3>
            <ReferralForm seekerId={seeker.id} values={{}} errors={{}} />
          </>
        )
      ) : null}
      <h3 id="referrals-history">{s.historyTitle}</h3>
      {rows.length === 0 ? (
        <p id="referrals-none">{s.historyNone}</p>
      ) : (
        <div class="table-wrap">
          <table id="referrals">
            <caption class="visually-hidden">{s.historyCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.columns.sentAt}</th>
                <th scope="col">{s.columns.jobNumber}</th>
                <th scope="col">{s.columns.title}</th>
                <th scope="col">{s.columns.applyBy}</th>
                <th scope="col">{s.columns.state}</th>
                <th scope="col">{s.columns.staff}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{formatTokyoDateTime(r.sentAt)}</td>
                  <td>
                    <a href={`/staff/jobs/${r.job.id}`}>{r.job.jobNumber}</a>
                  </td>
                  <td>{r.job.title}</td>
                  <td>{t.common.date(r.applyBy)}</td>
                  <td>{t.referrals.state[stateOf(r, now)]}</td>
                  <td>{r.staffName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** ST-2: on the staff job page, to whom the job was sent. */
export async function JobReferrals({ jobId }: { jobId: number }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const s = t.referrals.staff;
  const now = c.var.deps.clock.now();
  const rows = await listReferralsForJob(c.var.deps.db, jobId);
  return (
    <section class="panel" aria-labelledby="job-referrals-title">
      <h2 id="job-referrals-title">{s.jobTitle}</h2>
      {rows.length === 0 ? (
        <p id="job-referrals-none">{s.jobNone}</p>
      ) : (
        <div class="table-wrap">
          <table id="job-referrals">
            <caption class="visually-hidden">{s.jobCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.columns.seeker}</th>
                <th scope="col">{s.columns.seekerNumber}</th>
                <th scope="col">{s.columns.sentAt}</th>
                <th scope="col">{s.columns.applyBy}</th>
                <th scope="col">{s.columns.state}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={seekerPath(r.seeker.id)}>{r.seeker.name}</a>
                  </td>
                  <td>{r.seeker.seekerNumber ?? '―'}</td>
                  <td>{formatTokyoDateTime(r.sentAt)}</td>
                  <td>{t.common.date(r.applyBy)}</td>
                  <td>{t.referrals.state[referralState(r, r.job, now)]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TargetTable({ targets, refused }: { targets: PlannedTarget[]; refused: boolean }) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.referrals.staff;
  return (
    <div class="table-wrap">
      <table id={refused ? 'refused-targets' : 'send-targets'}>
        <caption>{refused ? s.refused : s.toSend}</caption>
        <thead>
          <tr>
            <th scope="col">{s.columns.jobNumber}</th>
            <th scope="col">{s.columns.title}</th>
            <th scope="col">{refused ? s.columns.reason : s.columns.applyBy}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((x) => (
            <tr>
              <td>{x.jobNumber}</td>
              <td>{x.title ?? '―'}</td>
              <td>
                {refused ? (
                  <RefusalText refusal={x.refusal} />
                ) : (
                  <>
                    {t.common.date(x.applyBy!)}
                    {x.clamped ? ` ${s.clamped}` : ''}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------- journey

function renderInput(
  c: Context<AppEnv>,
  seeker: Seeker,
  state: { values: FormValues; errors: FormErrors; refusal?: SeekerRefusal; restart?: boolean },
  status: 200 | 400 | 409 = 200,
) {
  const s = c.var.t.referrals.staff;
  return page(
    c,
    {
      title: `${s.inputTitle} | ${seeker.name}`,
      portal: 'staff',
      breadcrumbs: seekerStepCrumbs(c, seeker, s.inputTitle),
    },
    <>
      <h1>{s.inputTitle}</h1>
      <p>{seeker.name}</p>
      {state.restart ? <Notice kind="info">{s.restart}</Notice> : null}
      {state.refusal ? (
        <div id="referral-refused">
          <Notice kind="error" title={s.seekerRefusedTitle}>
            <p>
              <RefusalText refusal={state.refusal} />
            </p>
          </Notice>
        </div>
      ) : (
        <>
          <ErrorSummary errors={state.errors} />
          <ReferralForm seekerId={seeker.id} values={state.values} errors={state.errors} />
        </>
      )}
      <p>
        <a href={seekerPath(seeker.id)}>{s.backToSeeker}</a>
      </p>
    </>,
    status,
  );
}

function requestOf(
  c: Context<AppEnv>,
  seeker: Seeker,
  jobNumbers: string[],
  applyBy: string,
): ReferralRequest {
  const staff = staffOf(c);
  const accountId = c.var.auth?.accountId;
  if (!accountId) throw new AppError('forbidden', 'not signed in');
  return {
    seekerId: seeker.id,
    staff: { id: staff.id, officeCode: staff.officeCode, accountId },
    jobNumbers,
    ...(applyBy ? { applyBy } : {}),
  };
}

/** The journey of this seeker, if the confirmation step was reached. */
function journeyOf(c: Context<AppEnv>, seekerId: string) {
  const journey = readJourney(c, FLOW);
  if (!journey || journey.data.seekerId !== seekerId || !journey.data.batchId) return undefined;
  return {
    jobNumbers: (journey.data.jobNumbers ?? '').split(' ').filter(Boolean),
    applyBy: journey.data.applyBy ?? '',
    batchId: journey.data.batchId,
  };
}

export function staffReferralRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/:id/referrals', async (c) => {
      const { seeker } = await loadSeekerToChange(c);
      return renderInput(c, seeker, { values: {}, errors: {}, restart: c.req.query('restart') === '1' });
    })
    .post('/:id/referrals', async (c) => {
      const { seeker } = await loadSeekerToChange(c);
      const t = c.var.t;
      const s = t.referrals.staff;
      const values = await readForm(c);
      const v = validate(referralFormSchema, values, { jobNumbers: s.jobNumbers, applyBy: s.applyBy }, t);
      if (!v.ok) return renderInput(c, seeker, { values, errors: v.errors }, 400);
      const numbers = splitJobNumbers(v.data.jobNumbers);
      const bad = numbers.filter((n) => !JOB_NUMBER.test(n));
      if (bad.length > 0)
        return renderInput(c, seeker, { values, errors: { jobNumbers: s.badNumbers(bad.join('、')) } }, 400);
      if (numbers.length > MAX_JOBS_PER_SEND)
        return renderInput(c, seeker, { values, errors: { jobNumbers: s.tooMany(MAX_JOBS_PER_SEND) } }, 400);
      const plan = await planReferrals(c.var.deps, requestOf(c, seeker, numbers, v.data.applyBy));
      if (!plan.ok) {
        if (plan.problem === 'seeker')
          return renderInput(c, seeker, { values, errors: {}, refusal: plan.refusal }, 409);
        return renderInput(c, seeker, { values, errors: { applyBy: s.applyByPast } }, 400);
      }
      writeJourney(c, FLOW, 'confirm', {
        seekerId: seeker.id,
        jobNumbers: numbers.join(' '),
        applyBy: v.data.applyBy,
        batchId: randomUUID(),
      });
      return c.redirect(`${seekerPath(seeker.id)}/referrals/confirm`, 303);
    })
    .get('/:id/referrals/confirm', async (c) => {
      const { seeker } = await loadSeekerToChange(c);
      const journey = journeyOf(c, seeker.id);
      if (!journey) return c.redirect(`${seekerPath(seeker.id)}/referrals?restart=1`, 303);
      const s = c.var.t.referrals.staff;
      const plan = await planReferrals(c.var.deps, requestOf(c, seeker, journey.jobNumbers, journey.applyBy));
      if (!plan.ok) {
        return plan.problem === 'seeker'
          ? renderInput(c, seeker, { values: {}, errors: {}, refusal: plan.refusal }, 409)
          : renderInput(c, seeker, { values: {}, errors: { applyBy: s.applyByPast } }, 400);
      }
      const toSend = plan.targets.filter((x) => !x.refusal);
      const refused = plan.targets.filter((x) => x.refusal);
      return page(
        c,
        {
          title: `${s.confirmTitle} | ${seeker.name}`,
          portal: 'staff',
          breadcrumbs: seekerStepCrumbs(c, seeker, s.confirmTitle),
        },
        <>
          <h1>{s.confirmTitle}</h1>
          <p>{s.confirmLead(seeker.name)}</p>
          {toSend.length > 0 ? <TargetTable targets={toSend} refused={false} /> : null}
          {refused.length > 0 ? <TargetTable targets={refused} refused /> : null}
          {toSend.length > 0 ? (
            <form
              method="post"
              action={`${seekerPath(seeker.id)}/referrals/send`}
              class="form"
              id="referral-send"
            >
              <CsrfField />
              <p>{s.confirmMail}</p>
              <div class="actions">
                <Button>{s.send}</Button>
                <a href={`${seekerPath(seeker.id)}/referrals`}>{s.back}</a>
              </div>
            </form>
          ) : (
            <>
              <Notice kind="warning">{s.noneToSend}</Notice>
              <p>
                <a href={`${seekerPath(seeker.id)}/referrals`}>{s.back}</a>
              </p>
            </>
          )}
        </>,
      );
    })
    .post('/:id/referrals/send', async (c) => {
      const { seeker } = await loadSeekerToChange(c);
      const journey = journeyOf(c, seeker.id);
      if (!journey) return c.redirect(`${seekerPath(seeker.id)}/referrals?restart=1`, 303);
      const s = c.var.t.referrals.staff;
      const result = await sendReferrals(c.var.deps, {
        ...requestOf(c, seeker, journey.jobNumbers, journey.applyBy),
        batchId: journey.batchId,
      });
      clearJourney(c);
      if (!result.ok) {
        return result.problem === 'seeker'
          ? renderInput(c, seeker, { values: {}, errors: {}, refusal: result.refusal }, 409)
          : renderInput(c, seeker, { values: {}, errors: { applyBy: s.applyByPast } }, 400);
      }
      const sent: PlannedTarget[] = result.sent.map((x) => ({ ...x }));
      return page(
        c,
        {
          title: `${s.resultTitle} | ${seeker.name}`,
          portal: 'staff',
          breadcrumbs: seekerStepCrumbs(c, seeker, s.resultTitle),
        },
        <>
          <h1>{s.resultTitle}</h1>
          <div id="referral-result">
            {result.repeated ? (
              <Notice kind="info">{s.repeated}</Notice>
            ) : sent.length > 0 ? (
              <Notice kind="success">{s.sent(sent.length)}</Notice>
            ) : (
              <Notice kind="warning">{s.noneSent}</Notice>
            )}
          </div>
          {sent.length > 0 ? <TargetTable targets={sent} refused={false} /> : null}
          {result.refused.length > 0 ? <TargetTable targets={result.refused} refused /> : null}
          <p>
            <a href={seekerPath(seeker.id)}>{s.backToSeeker}</a>
          </p>
        </>,
      );
    });
}
