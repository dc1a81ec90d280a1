/**
 * Internet-only registration (SPEC MP-6, MP-7, MP-10). Two parts:
 *
 * - /signup, /signup/email, /signup/sent, /signup/password: open MyPage without an office visit,
 *   the same shape as the opening for registered seekers (open.routes.tsx), guarded by the signed
 *   journey cookie. The last step creates the account and signs the person in.
 * - /signup/profile/:step: the registration wizard for a signed-in seeker account that has no
 *   seekers row yet. Every step can be saved as typed (一時保存); 「登録する」 checks them all.
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import type { Locale, Messages } from '../../i18n/index.ts';
import { PREFECTURES } from '../../modules/geo/geo.data.ts';
import { completeRegistration } from '../../modules/registration/complete-registration.ts';
import { completeSignup } from '../../modules/registration/complete-signup.ts';
import { findDraft } from '../../modules/registration/registration.repository.ts';
import {
  canOpenStep,
  type DraftValues,
  FORM_STEPS,
  type FormStep,
  isFormStep,
  isRegistrationStep,
  nextStep,
  previousStep,
  REGISTRATION_STEPS,
  type RegistrationStep,
  resumeStep,
  stepIndex,
} from '../../modules/registration/registration.rules.ts';
import {
  REGISTRATION_LIMITS,
  STEP_SCHEMAS,
  type StepData,
  stepRuleProblems,
  YES_NO,
} from '../../modules/registration/registration.schemas.ts';
import { requestSignupCode } from '../../modules/registration/request-signup-code.ts';
import { saveRegistrationStep } from '../../modules/registration/save-registration-step.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { consent, email as emailField, text } from '../../platform/fields.ts';
import { clientIp } from '../auth/client-ip.ts';
import { clearJourney, readJourney, writeJourney } from '../auth/journey.ts';
import { startSession } from '../auth/session.ts';
import { DesiredConditionsFields, desiredConditionLabels } from '../components/desired-conditions.tsx';
import {
  Button,
  ButtonLink,
  Checkbox,
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  type FormValues,
  TextArea,
  TextField,
} from '../components/form.tsx';
import { Notice } from '../components/notice.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm, type Validated, validate } from '../forms.ts';
import { page } from '../render.tsx';
import { keyDead, passwordWithCodeErrors } from './account-messages.ts';
import { PasswordAndKeyFields, passwordShape, Terms, withPasswordConfirm } from './account-views.tsx';

const FLOW = 'signup';
const BASE = '/signup';
const WIZARD = '/signup/profile';

const agreeSchema = z.object({ agree: consent() });
const emailSchema = z.object({ email: emailField() });
const passwordSchema = withPasswordConfirm(z.object({ ...passwordShape, code: text({ max: 20 }) }));

// ───────────────────────── opening: agree → e-mail → key → password ─────────────────────────

function AgreeStep({ errors }: { errors: FormErrors }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const a = t.accounts;
  return (
    <>
      <h1>{a.signup.title}</h1>
      <p>{a.signup.lead}</p>
      <Notice kind="info">
        <p>{a.signup.limitation}</p>
      </Notice>
      <h2>{t.registration.signup.stepAgree}</h2>
      <ErrorSummary errors={errors} />
      <Terms />
      <p>{a.terms.agreeLead}</p>
      <form method="post" action={BASE} class="form" novalidate>
        <CsrfField />
        <Checkbox name="agree" label={a.fields.agree} error={errors.agree} />
        <div class="actions">
          <Button>{t.common.next}</Button>
        </div>
      </form>
      <p>
        {t.registration.signup.officeRegistered} <a href="/mypage/open">{t.top.openMyPage}</a>
      </p>
    </>
  );
}

function EmailStep({ values, errors }: { values: FormValues; errors: FormErrors }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const a = t.accounts;
  return (
    <>
      <h1>{a.signup.title}</h1>
      <h2>{t.registration.signup.stepEmail}</h2>
      <p>{a.signup.emailLead}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${BASE}/email`} class="form" novalidate>
        <CsrfField />
        <TextField
          name="email"
          label={a.fields.email}
          hint={t.registration.signup.emailHint}
          type="email"
          autocomplete="email"
          value={one(values, 'email')}
          error={errors.email}
          badge="required"
          spellcheck={false}
        />
        <div class="actions">
          <Button>{t.common.next}</Button>
        </div>
      </form>
    </>
  );
}

function SentStep({ email }: { email: string }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const s = t.registration.signup;
  return (
    <>
      <h1>{s.sentTitle}</h1>
      <p>{t.accounts.signup.sentLead(email)}</p>
      <p>{s.sentNote}</p>
      <p>
        <ButtonLink href={`${BASE}/password`} variant="primary">
          {s.toPassword}
        </ButtonLink>
      </p>
      <p>
        <a href={BASE}>{s.restart}</a>
      </p>
    </>
  );
}

function PasswordStep({ errors, codeDead }: { errors: FormErrors; codeDead?: boolean }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const s = t.registration.signup;
  return (
    <>
      <h1>{t.accounts.signup.title}</h1>
      <h2>{s.stepPassword}</h2>
      <p>{s.passwordLead}</p>
      <ErrorSummary errors={errors} />
      {codeDead ? (
        <p>
          <ButtonLink href={BASE}>{s.restart}</ButtonLink>
        </p>
      ) : null}
      <form method="post" action={`${BASE}/password`} class="form" novalidate>
        <CsrfField />
        <PasswordAndKeyFields errors={errors} keyHint={s.authKeyHint} />
        <div class="actions">
          <Button>{t.common.next}</Button>
        </div>
      </form>
    </>
  );
}

// ───────────────────────────────── the wizard (MP-10) ─────────────────────────────────

function StepList({ current, furthest }: { current: RegistrationStep; furthest: RegistrationStep }) {
  const { t } = useRequestContext<AppEnv>().var;
  const r = t.registration;
  return (
    <nav aria-label={r.wizard.progress}>
      <ol class="wizard-steps">
        {REGISTRATION_STEPS.map((step) => {
          const name = r.steps[step];
          if (step === current) {
            return (
              <li aria-current="step">
                <strong>{name}</strong>
                <span class="visually-hidden">{r.wizard.currentStep}</span>
              </li>
            );
          }
          return <li>{canOpenStep(step, furthest) ? <a href={`${WIZARD}/${step}`}>{name}</a> : name}</li>;
        })}
      </ol>
    </nav>
  );
}

function StepHeading({ step }: { step: RegistrationStep }) {
  const { t } = useRequestContext<AppEnv>().var;
  const w = t.registration.wizard;
  return (
    <>
      <p class="muted">
        {w.title}（{w.stepOf(stepIndex(step) + 1, REGISTRATION_STEPS.length)}）
      </p>
      <h1>{t.registration.steps[step]}</h1>
    </>
  );
}

function many(values: FormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

function StepFields({ step, values, errors }: { step: FormStep; values: FormValues; errors: FormErrors }) {
  const { t } = useRequestContext<AppEnv>().var;
  const r = t.registration;
  const f = r.fields;
  const h = r.hints;
  const L = REGISTRATION_LIMITS;
  const area = (name: 'education' | 'licenses' | 'career' | 'disability' | 'selfPr', required: boolean) => (
    <TextArea
      name={name}
      label={f[name]}
      hint={h[name]}
      value={one(values, name)}
      error={errors[name]}
      maxLength={L[name]}
      rows={name === 'career' ? 10 : 6}
      badge={required ? 'required' : 'optional'}
    />
  );
  switch (step) {
    case 'basic':
      return (
        <>
          <TextField
            name="name"
            label={f.name}
            hint={h.name}
            autocomplete="name"
            value={one(values, 'name')}
            error={errors.name}
            width="medium"
            badge="required"
          />
          <TextField
            name="nameKana"
            label={f.nameKana}
            hint={h.nameKana}
            value={one(values, 'nameKana')}
            error={errors.nameKana}
            width="medium"
            badge="required"
          />
          <TextField
            name="birthDate"
            label={f.birthDate}
            hint={h.birthDate}
            autocomplete="bday"
            inputmode="numeric"
            value={one(values, 'birthDate')}
            error={errors.birthDate}
            width="medium"
            badge="required"
          />
          <TextField
            name="postalCode"
            label={f.postalCode}
            hint={h.postalCode}
            autocomplete="postal-code"
            inputmode="numeric"
            value={one(values, 'postalCode')}
            error={errors.postalCode}
            width="short"
            badge="required"
          />
          {/* street-address is a multi-line autofill field (not allowed on <input>); lines are joined. */}
          <TextArea
            name="address"
            label={f.address}
            hint={h.address}
            rows={2}
            autocomplete="street-address"
            value={one(values, 'address')}
            error={errors.address}
            badge="required"
          />
          <TextField
            name="phone"
            label={f.phone}
            hint={h.phone}
            type="tel"
            autocomplete="tel"
            value={one(values, 'phone')}
            error={errors.phone}
            width="medium"
            badge="required"
          />
        </>
      );
    case 'info':
      return (
        <>
          <ChoiceGroup
            type="radio"
            name="publishToEmployers"
            label={f.publishToEmployers}
            hint={h.publishToEmployers}
            options={YES_NO.map((v) => ({ value: v, label: r.choices.publish[v] }))}
            value={one(values, 'publishToEmployers')}
            error={errors.publishToEmployers}
            badge="required"
          />
          <ChoiceGroup
            type="radio"
            name="receiveJobInformation"
            label={f.receiveJobInformation}
            hint={h.receiveJobInformation}
            options={YES_NO.map((v) => ({ value: v, label: r.choices.receive[v] }))}
            value={one(values, 'receiveJobInformation')}
            error={errors.receiveJobInformation}
            badge="required"
          />
        </>
      );
    case 'work':
      return <DesiredConditionsFields part="work" values={values} errors={errors} />;
    case 'place':
      return <DesiredConditionsFields part="place" values={values} errors={errors} />;
    case 'education':
      return (
        <>
          {area('education', true)}
          {area('licenses', false)}
        </>
      );
    case 'career':
      return area('career', false);
    case 'disability':
      return area('disability', false);
    case 'pr':
      return area('selfPr', false);
  }
}

function StepForm({
  step,
  furthest,
  values,
  errors,
  notice,
}: {
  step: FormStep;
  furthest: RegistrationStep;
  values: FormValues;
  errors: FormErrors;
  notice?: 'saved' | 'check' | undefined;
}) {
  const { t } = useRequestContext<AppEnv>().var;
  const w = t.registration.wizard;
  const previous = previousStep(step);
  return (
    <>
      <StepHeading step={step} />
      <StepList current={step} furthest={furthest} />
      {notice === 'saved' ? (
        <Notice kind="success" title={w.saved}>
          <p>{w.savedNote}</p>
        </Notice>
      ) : null}
      {notice === 'check' ? (
        <Notice kind="warning">
          <p>{w.checkNotice}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      {step === 'disability' ? (
        <p>
          <strong>{w.optionalStep}</strong>
        </p>
      ) : null}
      <p class="muted">{w.lead}</p>
      <form method="post" action={`${WIZARD}/${step}`} class="form" novalidate>
        <CsrfField />
        <StepFields step={step} values={values} errors={errors} />
        <div class="actions">
          <Button name="action" value="next">
            {t.common.next}
          </Button>
          <Button name="action" value="save" variant="secondary">
            {w.saveDraft}
          </Button>
          {previous ? <a href={`${WIZARD}/${previous}`}>{w.back}</a> : null}
        </div>
      </form>
    </>
  );
}

/** What a saved value looks like in the summary: choices as their labels, lists joined. */
/** What will be registered: the step's values as its schema normalises them (カタカナ, half-width digits …). */
function normalised(step: FormStep, values: DraftValues): DraftValues {
  const parsed = STEP_SCHEMAS[step].safeParse(values);
  if (!parsed.success) return values;
  const out: DraftValues = {};
  for (const [k, v] of Object.entries(parsed.data as Record<string, unknown>)) {
    if (Array.isArray(v)) out[k] = v.map(String);
    else out[k] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

function displayRows(t: Messages, locale: Locale, step: FormStep, values: DraftValues): [string, string][] {
  const f = t.registration.fields;
  const d = t.seeker.desired;
  const shown = normalised(step, values);
  const v = (name: string) => one(shown, name);
  const list = (name: string, label: (code: string) => string | undefined) =>
    many(shown, name)
      .filter((code) => code !== '')
      .map((code) => label(code) ?? code)
      .join(t.common.list);
  switch (step) {
    case 'basic':
      return [
        [f.name, v('name')],
        [f.nameKana, v('nameKana')],
        [f.birthDate, v('birthDate')],
        [f.postalCode, v('postalCode')],
        [f.address, v('address')],
        [f.phone, v('phone')],
      ];
    case 'info': {
      const publish = v('publishToEmployers');
      const receive = v('receiveJobInformation');
      return [
        [
          f.publishToEmployers,
          publish === 'yes' || publish === 'no' ? t.registration.choices.publish[publish] : '',
        ],
        [
          f.receiveJobInformation,
          receive === 'yes' || receive === 'no' ? t.registration.choices.receive[receive] : '',
        ],
      ];
    }
    case 'work':
      return [
        [d.occupation, v('occupation')],
        [
          d.occupationCodes,
          list('occupationCodes', (c) => (t.codes.occupation as Record<string, string>)[c]),
        ],
        [d.workStyle, t.codes.seekerWorkStyle[v('workStyle')] ?? v('workStyle')],
        [
          d.employmentTypes,
          list('employmentTypes', (c) => (t.codes.employmentType as Record<string, string>)[c]),
        ],
        [d.hours, v('hours')],
        [d.holidays, v('holidays')],
      ];
    case 'place':
      return [
        [
          d.prefectureCodes,
          list('prefectureCodes', (c) => {
            const p = PREFECTURES.find((x) => x.code === c);
            return p ? (locale === 'en' ? p.nameEn : p.name) : undefined;
          }),
        ],
        [d.cities, v('cities')],
        [d.wageType, (t.codes.wageType as Record<string, string>)[v('wageType')] ?? v('wageType')],
        [d.wageMin, v('wageMin')],
        [d.notes, v('notes')],
      ];
    case 'education':
      return [
        [f.education, v('education')],
        [f.licenses, v('licenses')],
      ];
    case 'career':
      return [[f.career, v('career')]];
    case 'disability':
      return [[f.disability, v('disability')]];
    case 'pr':
      return [[f.selfPr, v('selfPr')]];
  }
}

/** Text typed on several lines, shown on several lines. */
function Lines({ text: value }: { text: string }) {
  if (!value) return '';
  const lines = value.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

function Confirm({ data }: { data: Record<string, DraftValues> }) {
  const c = useRequestContext<AppEnv>();
  const { t, locale } = c.var;
  const w = t.registration.wizard;
  return (
    <>
      <StepHeading step="confirm" />
      <StepList current="confirm" furthest="confirm" />
      <p>{w.confirmLead}</p>
      {FORM_STEPS.map((step) => (
        <section class="panel" aria-labelledby={`confirm-${step}`}>
          <h2 id={`confirm-${step}`}>{t.registration.steps[step]}</h2>
          <SummaryList
            id={`summary-${step}`}
            rows={displayRows(t, locale, step, data[step] ?? {}).map(([label, value]) => [
              label,
              <Lines text={value} />,
            ])}
          />
          <p>
            <a href={`${WIZARD}/${step}`}>
              {w.edit}
              <span class="visually-hidden">（{t.registration.steps[step]}）</span>
            </a>
          </p>
        </section>
      ))}
      <form method="post" action={`${WIZARD}/confirm`} class="form" novalidate>
        <CsrfField />
        <div class="actions">
          <Button>{w.submit}</Button>
          <a href={`${WIZARD}/pr`}>{w.back}</a>
        </div>
      </form>
    </>
  );
}

function wizardLabels(t: Messages): Record<string, string> {
  return { ...desiredConditionLabels(t), ...t.registration.fields };
}

/** Checks one step as 次へ進む does: the field formats, then the rules that need today's date. */
function checkStep(c: Context<AppEnv>, step: FormStep, values: FormValues): Validated<StepData[FormStep]> {
  const { t, deps } = c.var;
  const v = validate(STEP_SCHEMAS[step], values, wizardLabels(t), t);
  if (!v.ok) return v;
  const problems = stepRuleProblems(step, v.data, tokyoDate(deps.clock.now()));
  const errors: FormErrors = {};
  for (const [field, problem] of Object.entries(problems)) {
    if (problem) errors[field] = t.registration.problems[problem];
  }
  return Object.keys(errors).length ? { ok: false, errors } : v;
}

/** The wizard is for a signed-in seeker account whose registration is not finished yet. */
const wizardGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = c.var.auth;
  if (!auth) throw new AppError('unauthenticated');
  if (auth.role !== 'seeker') throw new AppError('forbidden', `${auth.role} on the registration wizard`);
  if (auth.seeker) return c.redirect('/mypage', 303);
  await next();
};

const accountOf = (c: Context<AppEnv>) => c.var.auth!.accountId;

function wizardTitle(c: Context<AppEnv>, step: RegistrationStep) {
  const r = c.var.t.registration;
  return { title: `${r.steps[step]} | ${r.wizard.title}`, portal: 'seeker' as const };
}

export function signupRoutes(): Hono<AppEnv> {
  const props = (c: Context<AppEnv>) => ({ title: c.var.t.accounts.signup.title, portal: 'public' as const });
  const labels = (c: Context<AppEnv>) => {
    const f = c.var.t.accounts.fields;
    return {
      agree: f.agree,
      email: f.email,
      password: f.password,
      passwordConfirm: f.passwordConfirm,
      code: f.authKey,
    };
  };
  const atStep = (c: Context<AppEnv>, steps: string[]) => {
    const j = readJourney(c, FLOW);
    return j && steps.includes(j.step) ? j : undefined;
  };

  return (
    new Hono<AppEnv>()
      // ① agree
      .get(BASE, async (c) => page(c, props(c), <AgreeStep errors={{}} />))
      .post(BASE, async (c) => {
        const v = validate(agreeSchema, await readForm(c), labels(c), c.var.t);
        if (!v.ok) return page(c, props(c), <AgreeStep errors={v.errors} />, 400);
        writeJourney(c, FLOW, 'email');
        return c.redirect(`${BASE}/email`, 303);
      })
      // ② e-mail → ③ the mail with the 認証キー
      .get(`${BASE}/email`, async (c) => {
        if (!atStep(c, ['email', 'sent'])) return c.redirect(BASE, 303);
        return page(c, props(c), <EmailStep values={{}} errors={{}} />);
      })
      .post(`${BASE}/email`, async (c) => {
        if (!atStep(c, ['email', 'sent'])) return c.redirect(BASE, 303);
        const values = await readForm(c);
        const v = validate(emailSchema, values, labels(c), c.var.t);
        if (!v.ok) return page(c, props(c), <EmailStep values={values} errors={v.errors} />, 400);
        await requestSignupCode(c.var.deps, { email: v.data.email, locale: c.var.locale, ip: clientIp(c) });
        writeJourney(c, FLOW, 'sent', { email: v.data.email });
        return c.redirect(`${BASE}/sent`, 303);
      })
      .get(`${BASE}/sent`, async (c) => {
        const j = atStep(c, ['sent']);
        if (!j) return c.redirect(BASE, 303);
        return page(c, props(c), <SentStep email={j.data.email ?? ''} />);
      })
      // ④ password + 認証キー → the account exists and is signed in
      .get(`${BASE}/password`, async (c) => {
        if (!atStep(c, ['sent'])) return c.redirect(BASE, 303);
        return page(c, props(c), <PasswordStep errors={{}} />);
      })
      .post(`${BASE}/password`, async (c) => {
        const j = atStep(c, ['sent']);
        if (!j) return c.redirect(BASE, 303);
        const v = validate(passwordSchema, await readForm(c), labels(c), c.var.t);
        if (!v.ok) return page(c, props(c), <PasswordStep errors={v.errors} />, 400);
        const result = await completeSignup(c.var.deps, {
          email: j.data.email ?? '',
          password: v.data.password,
          code: v.data.code,
          ip: clientIp(c),
          locale: c.var.locale,
        });
        if (!result.ok) {
          const errors = passwordWithCodeErrors(c.var.t, result, c.var.deps.passwords);
          return page(c, props(c), <PasswordStep errors={errors} codeDead={keyDead(result)} />, 400);
        }
        clearJourney(c);
        await startSession(c, result.accountId, 'seeker');
        return c.redirect(WIZARD, 303);
      })
      // The wizard (MP-10).
      // (`/signup/profile/*` also matches /signup/profile itself.)
      .use(`${WIZARD}/*`, wizardGuard)
      .get(WIZARD, async (c) => {
        const draft = await findDraft(c.var.deps.db, accountOf(c));
        return c.redirect(`${WIZARD}/${resumeStep(draft?.step)}`, 303);
      })
      .get(`${WIZARD}/:step`, async (c) => {
        const step = c.req.param('step');
        if (!isRegistrationStep(step)) throw notFound('registration step');
        const draft = await findDraft(c.var.deps.db, accountOf(c));
        const furthest = resumeStep(draft?.step);
        if (!canOpenStep(step, furthest)) return c.redirect(`${WIZARD}/${furthest}`, 303);
        const data = draft?.data ?? {};
        if (step === 'confirm') return page(c, wizardTitle(c, step), <Confirm data={data} />);
        const values: FormValues = data[step] ?? {};
        const check = c.req.query('check') !== undefined;
        const checked = check ? checkStep(c, step, values) : undefined;
        const errors = checked && !checked.ok ? checked.errors : {};
        const notice = c.req.query('saved') !== undefined ? 'saved' : check ? 'check' : undefined;
        return page(
          c,
          wizardTitle(c, step),
          <StepForm step={step} furthest={furthest} values={values} errors={errors} notice={notice} />,
        );
      })
      .post(`${WIZARD}/confirm`, async (c) => {
        const draft = await findDraft(c.var.deps.db, accountOf(c));
        const furthest = resumeStep(draft?.step);
        if (!canOpenStep('confirm', furthest)) return c.redirect(`${WIZARD}/${furthest}`, 303);
        const result = await completeRegistration(c.var.deps, accountOf(c));
        if (!result.ok) return c.redirect(`${WIZARD}/${result.step}?check=1`, 303);
        return c.redirect('/mypage', 303);
      })
      .post(`${WIZARD}/:step`, async (c) => {
        const step = c.req.param('step');
        if (!isFormStep(step)) throw notFound('registration step');
        const { deps } = c.var;
        const accountId = accountOf(c);
        const draft = await findDraft(deps.db, accountId);
        const furthest = resumeStep(draft?.step);
        if (!canOpenStep(step, furthest)) return c.redirect(`${WIZARD}/${furthest}`, 303);
        const values = await readForm(c);
        if (one(values, 'action') === 'save') {
          // 一時保存: exactly what was typed, without any check.
          await saveRegistrationStep(deps, { accountId, step, values });
          return c.redirect(`${WIZARD}/${step}?saved=1`, 303);
        }
        const v = checkStep(c, step, values);
        if (!v.ok) {
          // Kept as typed even when refused, so nothing is lost if the browser is closed now.
          await saveRegistrationStep(deps, { accountId, step, values });
          return page(
            c,
            wizardTitle(c, step),
            <StepForm step={step} furthest={furthest} values={values} errors={v.errors} />,
            400,
          );
        }
        const next = nextStep(step);
        await saveRegistrationStep(deps, { accountId, step, values, reached: next });
        return c.redirect(`${WIZARD}/${next}`, 303);
      })
  );
}
