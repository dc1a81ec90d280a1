/** Password reset by mail for seekers (/password-reset) and employers (/employer/password-reset). */
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import type { Role } from '../../db/schema/index.ts';
import { completePasswordReset, requestPasswordReset } from '../../modules/accounts/reset-password.ts';
import { email as emailField, text } from '../../platform/fields.ts';
import { clientIp } from '../auth/client-ip.ts';
import { clearJourney, readJourney, writeJourney } from '../auth/journey.ts';
import {
  Button,
  ButtonLink,
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
import { PasswordAndKeyFields, passwordShape, withPasswordConfirm } from './account-views.tsx';

type ResetRole = Extract<Role, 'seeker' | 'employer'>;
const BASES: Record<ResetRole, { base: string; portal: Portal; login: string }> = {
  seeker: { base: '/password-reset', portal: 'public', login: '/login' },
  employer: { base: '/employer/password-reset', portal: 'employer', login: '/employer/login' },
};

const requestSchema = z.object({ email: emailField() });
const completeSchema = withPasswordConfirm(z.object({ ...passwordShape, code: text({ max: 20 }) }));

function RequestForm({ base, values, errors }: { base: string; values: FormValues; errors: FormErrors }) {
  const { t } = useRequestContext<AppEnv>().var;
  const a = t.accounts;
  return (
    <>
      <h1>{a.reset.title}</h1>
      <p>{a.reset.lead}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={base} class="form" novalidate>
        <CsrfField />
        <TextField
          name="email"
          label={a.fields.email}
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

function CompleteForm({
  base,
  email,
  errors,
  codeDead,
}: {
  base: string;
  email: string;
  errors: FormErrors;
  codeDead?: boolean;
}) {
  const { t } = useRequestContext<AppEnv>().var;
  const a = t.accounts;
  return (
    <>
      <h1>{a.reset.title}</h1>
      <Notice>
        <p>{a.reset.sentLead(email)}</p>
      </Notice>
      <p>{a.reset.passwordLead}</p>
      <ErrorSummary errors={errors} />
      {codeDead ? (
        <p>
          <ButtonLink href={base}>{a.open.restart}</ButtonLink>
        </p>
      ) : null}
      <form method="post" action={`${base}/password`} class="form" novalidate>
        <CsrfField />
        <PasswordAndKeyFields errors={errors} />
        <div class="actions">
          <Button>{t.common.complete}</Button>
        </div>
      </form>
    </>
  );
}

function Done({ login }: { login: string }) {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t.accounts.reset.doneTitle}</h1>
      <Notice kind="success">
        <p>{t.accounts.reset.doneLead}</p>
      </Notice>
      <p>
        <ButtonLink href={login} variant="primary">
          {t.accounts.open.toLogin}
        </ButtonLink>
      </p>
    </>
  );
}

export function passwordResetRoutes(role: ResetRole): Hono<AppEnv> {
  const { base, portal, login } = BASES[role];
  const flow = `reset-${role}`;
  const props = (c: Context<AppEnv>) => ({ title: c.var.t.accounts.reset.title, portal });
  const labels = (c: Context<AppEnv>) => ({
    email: c.var.t.accounts.fields.email,
    password: c.var.t.accounts.fields.password,
    passwordConfirm: c.var.t.accounts.fields.passwordConfirm,
    code: c.var.t.accounts.fields.authKey,
  });
  return new Hono<AppEnv>()
    .get(base, async (c) => page(c, props(c), <RequestForm base={base} values={{}} errors={{}} />))
    .post(base, async (c) => {
      const values = await readForm(c);
      const v = validate(requestSchema, values, labels(c), c.var.t);
      if (!v.ok) return page(c, props(c), <RequestForm base={base} values={values} errors={v.errors} />, 400);
      await requestPasswordReset(c.var.deps, {
        role,
        email: v.data.email,
        locale: c.var.locale,
        ip: clientIp(c),
      });
      writeJourney(c, flow, 'sent', { email: v.data.email });
      return c.redirect(`${base}/password`, 303);
    })
    .get(`${base}/password`, async (c) => {
      const j = readJourney(c, flow);
      if (j?.step !== 'sent') return c.redirect(base, 303);
      return page(c, props(c), <CompleteForm base={base} email={j.data.email ?? ''} errors={{}} />);
    })
    .post(`${base}/password`, async (c) => {
      const j = readJourney(c, flow);
      if (j?.step !== 'sent') return c.redirect(base, 303);
      const email = j.data.email ?? '';
      const v = validate(completeSchema, await readForm(c), labels(c), c.var.t);
      if (!v.ok) return page(c, props(c), <CompleteForm base={base} email={email} errors={v.errors} />, 400);
      const result = await completePasswordReset(c.var.deps, {
        role,
        email,
        password: v.data.password,
        code: v.data.code,
        ip: clientIp(c),
        locale: c.var.locale,
      });
      if (!result.ok) {
        const errors = passwordWithCodeErrors(c.var.t, result, c.var.deps.passwords);
        return page(
          c,
          props(c),
          <CompleteForm base={base} email={email} errors={errors} codeDead={keyDead(result)} />,
          400,
        );
      }
      clearJourney(c);
      return page(c, props(c), <Done login={login} />);
    });
}
