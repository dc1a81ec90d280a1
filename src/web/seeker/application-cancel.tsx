/**
 * 求人応募取り消し (SPEC CX-1..CX-3; ADR 0022), seed 001 「4 応募の取り消し方法と注意点」:
 *
 *   GET  /mypage/applications/:id/cancel           求人応募取り消し画面 (① 理由 ② 備考 ③ 注意文)
 *   POST /mypage/applications/:id/cancel           「次へ進む」 → 求人応募取り消し確認画面 (or back)
 *   POST /mypage/applications/:id/cancel/complete  「完了」
 *
 * Every step asks the 24-hour rule again with the app clock, so a form left open past the window
 * is refused with the seed's sentence (contact the employer by message or telephone). 「完了」
 * re-validates what the confirmation page carried and cancels exactly once (the use case locks the
 * application); a second 「完了」 lands on the same result.
 */
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { CANCEL_REASONS } from '../../domain/vocabulary.ts';
import { CANCEL_WINDOW_MS } from '../../modules/applications/application.rules.ts';
import {
  findSeekerApplication,
  type SeekerApplicationRow,
} from '../../modules/applications/applications.repository.ts';
import {
  CANCEL_NOTE_MAX,
  type CancelInput,
  type CancelRefusal,
  cancelInputProblems,
  cancelRefusal,
} from '../../modules/applications/cancel.rules.ts';
import { cancelApplication } from '../../modules/applications/cancel-application.ts';
import { formatTokyoDateTime } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { seekerOf } from '../auth/guards.ts';
import {
  Button,
  ButtonLink,
  Checkbox,
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  TextArea,
} from '../components/form.tsx';
import { Notice } from '../components/notice.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm } from '../forms.ts';
import { uuidParam } from '../params.ts';
import { page } from '../render.tsx';

const LIST = '/mypage/activity/applications';

async function loadOwn(c: Context<AppEnv>): Promise<SeekerApplicationRow> {
  const row = await findSeekerApplication(c.var.deps.db, seekerOf(c).id, uuidParam(c));
  if (!row) throw notFound('application');
  return row;
}

function crumbs(c: Context<AppEnv>, current: string) {
  const { t } = c.var;
  return [
    { label: t.nav.home, href: '/mypage' },
    { label: t.nav.activity, href: '/mypage/activity' },
    { label: t.applying.list.title, href: LIST },
    { label: current },
  ];
}

/** The form as typed: the reason code, the 備考 (line breaks as \n, trimmed), the ticked notice. */
function inputOf(values: Record<string, string | string[] | undefined>): CancelInput {
  return {
    reason: one(values, 'reason'),
    note: one(values, 'note').replace(/\r\n?/g, '\n').trim(),
    consented: one(values, 'consent') === 'yes',
  };
}

function errorsOf(c: Context<AppEnv>, input: CancelInput): FormErrors {
  const e = c.var.t.applying.cancel.errors;
  const problems = cancelInputProblems(input);
  return {
    reason: problems.reason ? e[problems.reason] : undefined,
    note: problems.note ? e[problems.note] : undefined,
    consent: problems.consent ? e[problems.consent] : undefined,
  };
}

/** The application being cancelled, as both steps show it, with the time the window closes. */
function Target({ row }: { row: SeekerApplicationRow }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const app = row.application;
  const until = formatTokyoDateTime(new Date(app.appliedAt.getTime() + CANCEL_WINDOW_MS));
  return (
    <section aria-labelledby="cancel-target">
      <h2 id="cancel-target">{t.applying.cancel.target}</h2>
      <SummaryList
        id="cancel-application"
        rows={[
          [t.jobs.fields.jobNumber, row.job.jobNumber ?? ''],
          [t.jobs.fields.title, row.job.title],
          [t.jobs.fields.employerName, row.employerName],
          [t.applying.list.appliedAt, formatTokyoDateTime(app.appliedAt)],
          [t.applying.list.route, t.applying.route[app.route]],
        ]}
      />
      <p id="cancel-deadline">{t.applying.cancel.deadline(until)}</p>
    </section>
  );
}

function Caution() {
  const x = useRequestContext<AppEnv>().var.t.applying.cancel;
  return (
    <Notice kind="warning" title={x.cautionTitle}>
      <p id="cancel-caution">{x.caution}</p>
      <p>{x.afterWindow}</p>
    </Notice>
  );
}

function CancelForm({
  row,
  input,
  errors,
}: {
  row: SeekerApplicationRow;
  input: CancelInput;
  errors: FormErrors;
}) {
  const { t } = useRequestContext<AppEnv>().var;
  const x = t.applying.cancel;
  const id = row.application.id;
  return (
    <>
      <h1>{x.title}</h1>
      <p>{x.lead}</p>
      <Caution />
      <ErrorSummary errors={errors} />
      <Target row={row} />
      <form method="post" action={`/mypage/applications/${id}/cancel`} novalidate id="cancel-form">
        <CsrfField />
        <ChoiceGroup
          type="radio"
          name="reason"
          label={`①${x.reason}`}
          badge="required"
          hint={x.reasonHint}
          options={CANCEL_REASONS.map((r) => ({ value: r, label: x.reasons[r] }))}
          value={input.reason}
          error={errors.reason}
        />
        <TextArea
          name="note"
          label={`②${x.note}`}
          hint={x.noteHint}
          value={input.note}
          error={errors.note}
          maxLength={CANCEL_NOTE_MAX}
          rows={5}
        />
        <Checkbox name="consent" label={`③${x.consent}`} checked={input.consented} error={errors.consent} />
        <div class="actions">
          <ButtonLink href={LIST}>{x.toList}</ButtonLink>
          <Button name="action" value="next">
            {x.next}
          </Button>
        </div>
      </form>
    </>
  );
}

function Hidden({ input }: { input: CancelInput }) {
  return (
    <>
      <input type="hidden" name="reason" value={input.reason} />
      <input type="hidden" name="note" value={input.note} />
      <input type="hidden" name="consent" value={input.consented ? 'yes' : ''} />
    </>
  );
}

function ConfirmPage({ row, input }: { row: SeekerApplicationRow; input: CancelInput }) {
  const { t } = useRequestContext<AppEnv>().var;
  const x = t.applying.cancel;
  const id = row.application.id;
  const reason = input.reason as keyof typeof x.reasons;
  return (
    <>
      <h1>{x.confirmTitle}</h1>
      <p>{x.confirmLead}</p>
      <Caution />
      <Target row={row} />
      <SummaryList
        id="cancel-summary"
        rows={[
          [x.reason, x.reasons[reason]],
          [x.cancelledNote, input.note ? <span class="prewrap">{input.note}</span> : ''],
          [x.consentLegend, x.consent],
        ]}
      />
      <div class="actions">
        <form method="post" action={`/mypage/applications/${id}/cancel`} id="cancel-back">
          <CsrfField />
          <Hidden input={input} />
          <Button variant="secondary" name="action" value="back">
            {x.back}
          </Button>
        </form>
        <form method="post" action={`/mypage/applications/${id}/cancel/complete`} id="cancel-complete">
          <CsrfField />
          <Hidden input={input} />
          <Button>{x.complete}</Button>
        </form>
      </div>
    </>
  );
}

/** Past 24 hours, or decided: no form, the reason, and (CX-1) the seed's sentence. */
function refused(c: Context<AppEnv>, row: SeekerApplicationRow, refusal: CancelRefusal) {
  const x = c.var.t.applying.cancel;
  return page(
    c,
    { title: x.refusalTitle, portal: 'seeker', breadcrumbs: crumbs(c, x.refusalTitle) },
    <>
      <h1>{x.refusalTitle}</h1>
      <Notice kind="warning" title={x.refusalTitle}>
        <p id="cancel-refusal">{x.refusal[refusal]}</p>
      </Notice>
      <Target row={row} />
      <p>
        <a href={`/mypage/applications/${row.application.id}`}>{c.var.t.applying.functions.content}</a>
      </p>
    </>,
    409,
  );
}

function renderForm(
  c: Context<AppEnv>,
  row: SeekerApplicationRow,
  input: CancelInput,
  errors: FormErrors = {},
  status: 200 | 400 = 200,
) {
  const x = c.var.t.applying.cancel;
  return page(
    c,
    { title: x.title, portal: 'seeker', breadcrumbs: crumbs(c, x.title) },
    <CancelForm row={row} input={input} errors={errors} />,
    status,
  );
}

const detailPath = (id: string) => `/mypage/applications/${id}`;

/** Mounted under /mypage (behind requireRole('seeker')). */
export function seekerCancelRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/applications/:id/cancel', async (c) => {
      const row = await loadOwn(c);
      if (row.application.state === 'cancelled') return c.redirect(detailPath(row.application.id), 303);
      const refusal = cancelRefusal(row.application, c.var.deps.clock.now());
      if (refusal) return refused(c, row, refusal);
      return renderForm(c, row, { reason: '', note: '', consented: false });
    })
    .post('/applications/:id/cancel', async (c) => {
      const row = await loadOwn(c);
      if (row.application.state === 'cancelled') return c.redirect(detailPath(row.application.id), 303);
      const refusal = cancelRefusal(row.application, c.var.deps.clock.now());
      if (refusal) return refused(c, row, refusal);
      const values = await readForm(c);
      const input = inputOf(values);
      if (one(values, 'action') === 'back') return renderForm(c, row, input);
      const errors = errorsOf(c, input);
      if (Object.values(errors).some(Boolean)) return renderForm(c, row, input, errors, 400);
      const x = c.var.t.applying.cancel;
      return page(
        c,
        { title: x.confirmTitle, portal: 'seeker', breadcrumbs: crumbs(c, x.confirmTitle) },
        <ConfirmPage row={row} input={input} />,
      );
    })
    .post('/applications/:id/cancel/complete', async (c) => {
      const id = uuidParam(c);
      const input = inputOf(await readForm(c));
      const outcome = await cancelApplication(c.var.deps, seekerOf(c).id, id, input);
      if (!outcome) throw notFound('application');
      if (outcome.ok) return c.redirect(`${detailPath(id)}?cancelled=1`, 303);
      const row = await loadOwn(c);
      if (outcome.refusal === 'invalid') return renderForm(c, row, input, errorsOf(c, input), 400);
      return refused(c, row, outcome.refusal);
    });
}
