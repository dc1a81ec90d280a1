/**
 * Staff console: オンラインハローワーク紹介 (SPEC OR-1, OR-2, OR-4, ST-2; ADR 0016). The section of the
 * seeker page (form and what was sent, with its state), the input → confirmation → send journey
 * (guarded by the journey cookie; the batch key in it makes a repeated 送信 harmless), the fit list
 * (「希望条件に合う求人」: jobs that fit the seeker's 求職情報, ticked ones go to the same confirmation),
 * and the "sent to" list of the job page. Mounted under /staff/seekers; only the seeker's home office sends.
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import { prefectureName } from '../../modules/geo/geo.data.ts';
import { JOB_NUMBER } from '../../modules/jobs/job.schemas.ts';
import type { FitReason } from '../../modules/referrals/fit.rules.ts';
import {
  FIT_LIST_SIZE,
  type FitList,
  type FittingJob,
  listFittingJobs,
} from '../../modules/referrals/list-fitting-jobs.ts';
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
import type { DesiredConditions } from '../../modules/seekers/seeker.types.ts';
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
  fieldId,
  TextArea,
  TextField,
} from '../components/form.tsx';
import { hoursText, placeText, wageText } from '../components/job-card.tsx';
import { Notice } from '../components/notice.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm, validate } from '../forms.ts';
import { page } from '../render.tsx';
import { loadSeekerToChange, seekerPath, seekerStepCrumbs } from './seeker-context.ts';

const FLOW = 'referral';
const referralFormSchema = z.object({
  jobNumbers: text({ max: 2000, multiline: true }),
  applyBy: date({ optional: true }),
});
/** The fit list's form: the ticked 求人番号 (checked against JOB_NUMBER below) and the same 応募期限日. */
const fitFormSchema = z.object({
  pick: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []),
    z.array(z.string().max(20)).max(50),
  ),
  applyBy: date({ optional: true }),
});

const fitPath = (seekerId: string) => `${seekerPath(seekerId)}/referrals/fit`;

function FitLink({ seekerId }: { seekerId: string }) {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <p>
      <a href={fitPath(seekerId)} id="referral-fit-link">
        {t.referrals.staff.fitLink}
      </a>
    </p>
  );
}

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
            <FitLink seekerId={seeker.id} />
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

// ---------------------------------------------------------------- fit list

/** What the seeker recorded, as the fit list read it (each aspect, or 指定なし). */
function DesiredSummary({ desired }: { desired: DesiredConditions }) {
  const { t, locale } = useRequestContext<AppEnv>().var;
  const d = t.seeker.desired;
  const f = t.referrals.fit;
  const or = (s: string) => (s.trim() === '' ? f.notGiven : s);
  const codes = <K extends keyof typeof t.codes>(group: K, list: readonly string[]) =>
    or(list.map((c) => (t.codes[group] as Record<string, string>)[c] ?? c).join(t.common.list));
  return (
    <SummaryList
      id="fit-desired-list"
      rows={[
        [
          d.prefectureCodes,
          or(desired.prefectureCodes.map((p) => prefectureName(p, locale)).join(t.common.list)),
        ],
        [d.cities, or(desired.cities)],
        [d.occupation, or(desired.occupation)],
        [d.occupationCodes, codes('occupation', desired.occupationCodes)],
        [d.workStyle, t.codes.seekerWorkStyle[desired.workStyle]],
        [d.employmentTypes, codes('employmentType', desired.employmentTypes)],
        [
          d.wageMin,
          desired.wageMin === null
            ? f.notGiven
            : `${t.codes.wageType[desired.wageType]} ${f.wageAtLeast(t.common.yen(desired.wageMin))}`,
        ],
        [d.hours, or(desired.hours)],
      ]}
    />
  );
}

function Reasons({ reasons, fits }: { reasons: FitReason[]; fits: boolean }) {
  const { t } = useRequestContext<AppEnv>().var;
  const f = t.referrals.fit;
  const shown = reasons.filter((r) => r.fits === fits);
  if (shown.length === 0) return null;
  return (
    <div class={`fit-reasons fit-reasons--${fits ? 'fits' : 'misses'}`}>
      <h4>{fits ? f.fits : f.misses}</h4>
      <ul>
        {shown.map((r) => (
          <li data-aspect={r.aspect}>{f.reason[r.code]}</li>
        ))}
      </ul>
    </div>
  );
}

function FitItem({ job, first, picked }: { job: FittingJob; first: boolean; picked: boolean }) {
  const { t, locale } = useRequestContext<AppEnv>().var;
  const f = t.referrals.fit;
  const card = job.card;
  const headingId = `fit-${card.jobNumber}`;
  const inputId = first ? fieldId('pick') : `${fieldId('pick')}-${card.jobNumber}`;
  return (
    <article class="panel fit-job" aria-labelledby={headingId} data-job-number={card.jobNumber}>
      <h3 id={headingId}>
        <a href={`/staff/jobs/${card.id}`}>{card.title}</a>
      </h3>
      {job.refusal ? (
        <p class="fit-job__refused">
          <strong>{f.cannotSend}</strong> <RefusalText refusal={job.refusal} />
        </p>
      ) : (
        <div class="choice">
          <input
            type="checkbox"
            id={inputId}
            name="pick"
            value={card.jobNumber}
            checked={picked}
            aria-describedby={headingId}
          />
          <label for={inputId}>
            {f.pickLabel}
            {t.common.paren(card.jobNumber)}
          </label>
        </div>
      )}
      <SummaryList
        rows={[
          [t.referrals.staff.columns.jobNumber, card.jobNumber],
          [f.employer, card.employerName ?? t.jobs.anonymousEmployer],
          [f.workplace, placeText(locale, card.prefectureCode, card.city)],
          [
            f.category,
            t.jobs.values.categoryWithStyle(
              t.codes.category[card.category],
              t.codes.workStyle[card.workStyle],
            ),
          ],
          [f.employmentType, t.codes.employmentType[card.employmentType]],
          [f.wage, wageText(t, card.wageType, card.wageMin, card.wageMax)],
          [f.hours, hoursText(t, card.workHours)],
        ]}
      />
      <Reasons reasons={job.reasons} fits />
      <Reasons reasons={job.reasons} fits={false} />
    </article>
  );
}

function renderFit(
  c: Context<AppEnv>,
  seeker: Seeker,
  list: FitList,
  state: { values: FormValues; errors: FormErrors },
  status: 200 | 400 = 200,
) {
  const t = c.var.t;
  const s = t.referrals.staff;
  const f = t.referrals.fit;
  const days = c.var.deps.config.referral.applyDays;
  const picked = new Set(
    Array.isArray(state.values.pick) ? state.values.pick : state.values.pick ? [state.values.pick] : [],
  );
  const firstPickable = list.ok ? list.jobs.find((j) => !j.refusal) : undefined;
  return page(
    c,
    {
      title: `${f.title} | ${seeker.name}`,
      portal: 'staff',
      breadcrumbs: seekerStepCrumbs(c, seeker, f.title),
    },
    <>
      <h1>{f.title}</h1>
      <p>{seeker.name}</p>
      {!list.ok ? (
        <div id="referral-refused">
          <Notice kind="error" title={s.seekerRefusedTitle}>
            <p>
              <RefusalText refusal={list.refusal} />
            </p>
          </Notice>
        </div>
      ) : (
        <>
          <section aria-labelledby="fit-desired">
            <h2 id="fit-desired">{f.desiredTitle}</h2>
            <DesiredSummary desired={list.desired} />
          </section>
          {!list.asked ? (
            <div id="fit-no-desired">
              <Notice kind="info">{f.noDesired}</Notice>
            </div>
          ) : list.jobs.length === 0 ? (
            <p id="fit-none">{f.none}</p>
          ) : (
            <section aria-labelledby="fit-list-title">
              <h2 id="fit-list-title">{f.listTitle(list.jobs.length)}</h2>
              <p>{f.lead(FIT_LIST_SIZE)}</p>
              <p class="muted">{f.privateNote}</p>
              <ErrorSummary errors={state.errors} />
              <form method="post" action={fitPath(seeker.id)} class="form" id="fit-form" novalidate>
                <CsrfField />
                <div class={`field${state.errors.pick ? ' field--error' : ''}`}>
                  <fieldset
                    class="fieldset"
                    aria-describedby={state.errors.pick ? `${fieldId('pick')}-error` : undefined}
                  >
                    <legend class="field__label">{f.pickLegend(MAX_JOBS_PER_SEND)}</legend>
                    {state.errors.pick ? (
                      <p class="field__error" id={`${fieldId('pick')}-error`}>
                        {state.errors.pick}
                      </p>
                    ) : null}
                    <ol class="fit-list" id="fit-jobs">
                      {list.jobs.map((job) => (
                        <li>
                          <FitItem
                            job={job}
                            first={job === firstPickable}
                            picked={picked.has(job.card.jobNumber)}
                          />
                        </li>
                      ))}
                    </ol>
                  </fieldset>
                </div>
                <TextField
                  name="applyBy"
                  type="date"
                  label={s.applyBy}
                  hint={s.applyByHint(days, t.common.date(defaultApplyBy(c.var.deps.clock.now(), days)))}
                  value={one(state.values, 'applyBy')}
                  error={state.errors.applyBy}
                  width="medium"
                  badge="optional"
                />
                <div class="actions">
                  <Button>{s.next}</Button>
                </div>
              </form>
            </section>
          )}
        </>
      )}
      <p>
        <a href={`${seekerPath(seeker.id)}/referrals`}>{s.back}</a>
      </p>
      <p>
        <a href={seekerPath(seeker.id)}>{s.backToSeeker}</a>
      </p>
    </>,
    status,
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
          <FitLink seekerId={seeker.id} />
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

/** Who sends, to whom. */
function staffRequestOf(c: Context<AppEnv>, seeker: Seeker): Omit<ReferralRequest, 'jobNumbers' | 'applyBy'> {
  const staff = staffOf(c);
  const accountId = c.var.auth?.accountId;
  if (!accountId) throw new AppError('forbidden', 'not signed in');
  return { seekerId: seeker.id, staff: { id: staff.id, officeCode: staff.officeCode, accountId } };
}

function requestOf(
  c: Context<AppEnv>,
  seeker: Seeker,
  jobNumbers: string[],
  applyBy: string,
): ReferralRequest {
  return { ...staffRequestOf(c, seeker), jobNumbers, ...(applyBy ? { applyBy } : {}) };
}

/**
 * The one way into the confirmation step, from the 求人番号 form or the fit list: the plan is checked
 * (a seeker refusal shows the input page with the reason; a 応募期限日 before today goes back via
 * `applyByPast`), then the journey holds the numbers, the day and a new batch key.
 */
async function toConfirmation(
  c: Context<AppEnv>,
  seeker: Seeker,
  numbers: string[],
  applyBy: string,
  applyByPast: () => Response | Promise<Response>,
): Promise<Response> {
  const plan = await planReferrals(c.var.deps, requestOf(c, seeker, numbers, applyBy));
  if (!plan.ok) {
    if (plan.problem === 'seeker')
      return renderInput(c, seeker, { values: {}, errors: {}, refusal: plan.refusal }, 409);
    return applyByPast();
  }
  writeJourney(c, FLOW, 'confirm', {
    seekerId: seeker.id,
    jobNumbers: numbers.join(' '),
    applyBy,
    batchId: randomUUID(),
  });
  return c.redirect(`${seekerPath(seeker.id)}/referrals/confirm`, 303);
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
        return renderInput(
          c,
          seeker,
          { values, errors: { jobNumbers: s.badNumbers(bad.join(t.common.list)) } },
          400,
        );
      if (numbers.length > MAX_JOBS_PER_SEND)
        return renderInput(c, seeker, { values, errors: { jobNumbers: s.tooMany(MAX_JOBS_PER_SEND) } }, 400);
      return toConfirmation(c, seeker, numbers, v.data.applyBy, () =>
        renderInput(c, seeker, { values, errors: { applyBy: s.applyByPast } }, 400),
      );
    })
    .get('/:id/referrals/fit', async (c) => {
      const { seeker } = await loadSeekerToChange(c);
      const list = await listFittingJobs(c.var.deps, staffRequestOf(c, seeker));
      return renderFit(c, seeker, list, { values: {}, errors: {} });
    })
    .post('/:id/referrals/fit', async (c) => {
      const { seeker } = await loadSeekerToChange(c);
      const t = c.var.t;
      const f = t.referrals.fit;
      const values = await readForm(c);
      const again = async (errors: FormErrors) =>
        renderFit(
          c,
          seeker,
          await listFittingJobs(c.var.deps, staffRequestOf(c, seeker)),
          { values, errors },
          400,
        );
      const v = validate(fitFormSchema, values, { pick: f.pickField, applyBy: t.referrals.staff.applyBy }, t);
      if (!v.ok) return again(v.errors);
      const numbers = [...new Set(v.data.pick)];
      if (numbers.length === 0) return again({ pick: f.pickRequired });
      if (numbers.some((n) => !JOB_NUMBER.test(n))) return again({ pick: f.pickRequired });
      if (numbers.length > MAX_JOBS_PER_SEND) return again({ pick: f.pickTooMany(MAX_JOBS_PER_SEND) });
      return toConfirmation(c, seeker, numbers, v.data.applyBy, () =>
        again({ applyBy: t.referrals.staff.applyByPast }),
      );
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
