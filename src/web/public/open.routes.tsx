/**
 * Opening MyPage (パスワード登録), step by step as in seed 001 (SPEC MP-2..MP-4), for seekers at
 * /mypage/open and employers at /employer/open. A signed journey cookie guards the steps.
 */
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import { completeOpen, type OpeningRole, requestOpenCode } from '../../modules/accounts/open-mypage.ts';
import { consent, date, email as emailField, text } from '../../platform/fields.ts';
import { foldDashes } from '../../platform/text.ts';
import { clientIp } from '../auth/client-ip.ts';
import { clearJourney, readJourney, writeJourney } from '../auth/journey.ts';
import {
  Button,
  ButtonLink,
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  type FormValues,
  TextField,
} from '../components/form.tsx';
import { Notice } from '../components/notice.tsx';
import type { AppEnv, Portal } from '../env.ts';
import { one, readForm, validate } from '../forms.ts';
import { page } from '../render.tsx';
import { keyDead, passwordWithCodeErrors } from './account-messages.ts';
import { PasswordAndKeyFields, passwordShape, Terms, withPasswordConfirm } from './account-views.tsx';

interface Opening {
  role: OpeningRole;
  base: string;
  portal: Portal;
  login: string;
}

const OPENINGS: Record<OpeningRole, Opening> = {
  seeker: { role: 'seeker', base: '/mypage/open', portal: 'public', login: '/login' },
  employer: { role: 'employer', base: '/employer/open', portal: 'employer', login: '/employer/login' },
};

const agreeSchema = z.object({ agree: consent() });
const seekerIdentifySchema = z.object({ email: emailField(), proof: date() });
const employerIdentifySchema = z.object({
  email: emailField(),
  proof: z.preprocess(
    (v) => (typeof v === 'string' ? foldDashes(v.normalize('NFKC')).replace(/\s+/g, '') : v),
    z
      .string()
      .refine((s) => s.length > 0, { message: 'required', abort: true })
      .refine((s) => /^\d{4}-\d{6}-\d$/.test(s), { message: 'pattern' }),
  ),
});
const completeSchema = withPasswordConfirm(z.object({ ...passwordShape, code: text({ max: 20 }) }));

function titleOf(c: Context<AppEnv>, o: Opening) {
  return o.role === 'seeker' ? c.var.t.accounts.open.title : c.var.t.accounts.employerOpen.title;
}

function AgreeStep({ o, errors }: { o: Opening; errors: FormErrors }) {
  const c = useRequestContext<AppEnv>();
  const a = c.var.t.accounts;
  return (
    <>
      <h1>{titleOf(c, o)}</h1>
      <h2>{a.open.stepAgree}</h2>
      <ErrorSummary errors={errors} />
      <Terms />
      <p>{a.terms.agreeLead}</p>
      <form method="post" action={o.base} class="form" novalidate>
        <CsrfField />
        <Checkbox name="agree" label={a.fields.agree} error={errors.agree} />
        <div class="actions">
          <Button>{c.var.t.common.next}</Button>
        </div>
      </form>
      {o.role === 'seeker' ? (
        <p>
          {a.open.notRegistered} <a href="/signup">{c.var.t.top.signupInternet}</a>
        </p>
      ) : null}
    </>
  );
}

function IdentifyStep({ o, values, errors }: { o: Opening; values: FormValues; errors: FormErrors }) {
  const c = useRequestContext<AppEnv>();
  const a = c.var.t.accounts;
  return (
    <>
      <h1>{titleOf(c, o)}</h1>
      <h2>{a.open.stepIdentify}</h2>
      <p>{o.role === 'seeker' ? a.open.identifyLead : a.employerOpen.identifyLead}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${o.base}/identify`} class="form" novalidate>
        <CsrfField />
        <TextField
          name="email"
          label={a.fields.email}
          hint={a.hints.email}
          type="email"
          autocomplete="email"
          value={one(values, 'email')}
          error={errors.email}
          badge="required"
          spellcheck={false}
        />
        {o.role === 'seeker' ? (
          <TextField
            name="proof"
            label={a.fields.birthDate}
            hint={a.hints.birthDate}
            autocomplete="bday"
            inputmode="numeric"
            width="medium"
            value={one(values, 'proof')}
            error={errors.proof}
            badge="required"
          />
        ) : (
          <TextField
            name="proof"
            label={a.fields.establishmentNumber}
            hint={a.hints.establishmentNumber}
            inputmode="numeric"
            width="medium"
            value={one(values, 'proof')}
            error={errors.proof}
            badge="required"
          />
        )}
        <div class="actions">
          <Button>{c.var.t.common.next}</Button>
        </div>
      </form>
    </>
  );
}

function SentStep({ o, email }: { o: Opening; email: string }) {
  const c = useRequestContext<AppEnv>();
  const a = c.var.t.accounts;
  return (
    <>
      <h1>{a.open.sentTitle}</h1>
      <p>{o.role === 'seeker' ? a.open.sentLead(email) : a.employerOpen.sentLead(email)}</p>
      <p>{a.open.sentNote}</p>
      <p>
        <ButtonLink href={`${o.base}/password`} variant="primary">
          {a.open.toPassword}
        </ButtonLink>
      </p>
      <p>
        <a href={o.base}>{a.open.restart}</a>
      </p>
    </>
  );
}

function PasswordStep({ o, errors, codeDead }: { o: Opening; errors: FormErrors; codeDead?: boolean }) {
  const c = useRequestContext<AppEnv>();
  const a = c.var.t.accounts;
  return (
    <>
      <h1>{titleOf(c, o)}</h1>
      <h2>{a.open.stepPassword}</h2>
      <p>{a.open.passwordLead}</p>
      <ErrorSummary errors={errors} />
      {codeDead ? (
        <p>
          <ButtonLink href={o.base}>{a.open.restart}</ButtonLink>
        </p>
      ) : null}
      <form method="post" action={`${o.base}/password`} class="form" novalidate>
        <CsrfField />
        <PasswordAndKeyFields errors={errors} keyHint={a.hints.authKey} />
        <div class="actions">
          <Button>{c.var.t.common.complete}</Button>
        </div>
      </form>
    </>
  );
}

function DoneStep({ o }: { o: Opening }) {
  const c = useRequestContext<AppEnv>();
  const a = c.var.t.accounts;
  return (
    <>
      <h1>{a.open.doneTitle}</h1>
      <Notice kind="success">
        <p>{a.open.doneLead}</p>
      </Notice>
      <p>
        <strong>{a.open.doneImportant}</strong>
      </p>
      <p>
        <ButtonLink href={o.login} variant="primary">
          {a.open.toLogin}
        </ButtonLink>
      </p>
    </>
  );
}

export function openingRoutes(role: OpeningRole): Hono<AppEnv> {
  const o = OPENINGS[role];
  const flow = `open-${role}`;
  const props = (c: Context<AppEnv>) => ({ title: titleOf(c, o), portal: o.portal });
  const labels = (c: Context<AppEnv>) => {
    const f = c.var.t.accounts.fields;
    return {
      agree: f.agree,
      email: f.email,
      proof: role === 'seeker' ? f.birthDate : f.establishmentNumber,
      password: f.password,
      passwordConfirm: f.passwordConfirm,
      code: f.authKey,
    };
  };
  const atStep = (c: Context<AppEnv>, steps: string[]) => {
    const j = readJourney(c, flow);
    return j && steps.includes(j.step) ? j : undefined;
  };

  return new Hono<AppEnv>()
    .get(o.base, async (c) => page(c, props(c), <AgreeStep o={o} errors={{}} />))
    .post(o.base, async (c) => {
      const v = validate(agreeSchema, await readForm(c), labels(c), c.var.t);
      if (!v.ok) return page(c, props(c), <AgreeStep o={o} errors={v.errors} />, 400);
      writeJourney(c, flow, 'identify');
      return c.redirect(`${o.base}/identify`, 303);
    })
    .get(`${o.base}/identify`, async (c) => {
      if (!atStep(c, ['identify', 'sent'])) return c.redirect(o.base, 303);
      return page(c, props(c), <IdentifyStep o={o} values={{}} errors={{}} />);
    })
    .post(`${o.base}/identify`, async (c) => {
      if (!atStep(c, ['identify', 'sent'])) return c.redirect(o.base, 303);
      const values = await readForm(c);
      const schema = role === 'seeker' ? seekerIdentifySchema : employerIdentifySchema;
      const v = validate(schema, values, labels(c), c.var.t);
      if (!v.ok) return page(c, props(c), <IdentifyStep o={o} values={values} errors={v.errors} />, 400);
      await requestOpenCode(c.var.deps, {
        role,
        email: v.data.email,
        proof: v.data.proof,
        locale: c.var.locale,
        ip: clientIp(c),
      });
      writeJourney(c, flow, 'sent', { email: v.data.email });
      return c.redirect(`${o.base}/sent`, 303);
    })
    .get(`${o.base}/sent`, async (c) => {
      const j = atStep(c, ['sent']);
      if (!j) return c.redirect(o.base, 303);
      return page(c, props(c), <SentStep o={o} email={j.data.email ?? ''} />);
    })
    .get(`${o.base}/password`, async (c) => {
      if (!atStep(c, ['sent'])) return c.redirect(o.base, 303);
      return page(c, props(c), <PasswordStep o={o} errors={{}} />);
    })
    .post(`${o.base}/password`, async (c) => {
      const j = atStep(c, ['sent']);
      if (!j) return c.redirect(o.base, 303);
      const v = validate(completeSchema, await readForm(c), labels(c), c.var.t);
      if (!v.ok) return page(c, props(c), <PasswordStep o={o} errors={v.errors} />, 400);
      const result = await completeOpen(c.var.deps, {
        role,
        email: j.data.email ?? '',
        password: v.data.password,
        code: v.data.code,
        ip: clientIp(c),
      });
      if (!result.ok) {
        const errors = passwordWithCodeErrors(c.var.t, result, c.var.deps.passwords);
        return page(c, props(c), <PasswordStep o={o} errors={errors} codeDead={keyDead(result)} />, 400);
      }
      writeJourney(c, flow, 'done');
      return c.redirect(`${o.base}/complete`, 303);
    })
    .get(`${o.base}/complete`, async (c) => {
      if (!atStep(c, ['done'])) return c.redirect(o.base, 303);
      clearJourney(c);
      return page(c, { title: c.var.t.accounts.open.doneTitle, portal: o.portal }, <DoneStep o={o} />);
    });
}
