/**
 * Sign-in and sign-out for the three roles (SPEC MP-5, MP-11). One set of routes per portal:
 * /login (seeker), /employer/login, /staff/login, each with its /code step; POST /logout for all.
 */
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import type { Role } from '../../db/schema/index.ts';
import { findKeptForm } from '../../modules/accounts/kept-forms.repository.ts';
import { TRUSTED_DEVICE_DAYS } from '../../modules/accounts/login.rules.ts';
import { rememberLocale } from '../../modules/accounts/remember-locale.ts';
import { signIn, verifyLoginCode } from '../../modules/accounts/sign-in.ts';
import { email as emailField, secret, text } from '../../platform/fields.ts';
import { clientIp } from '../auth/client-ip.ts';
import { readCookie, writeCookie } from '../auth/cookies.ts';
import { clearJourney, readJourney, writeJourney } from '../auth/journey.ts';
import { endSession, startSession } from '../auth/session.ts';
import {
  Button,
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
import { sameOriginPath } from '../redirects.ts';
import { page } from '../render.tsx';
import { codeMessage } from './account-messages.ts';

/** The page that offers a kept form again (kept-form.routes.tsx). */
export const KEPT_FORM_PATH = '/kept-form';

interface PortalLogin {
  role: Role;
  portal: Portal;
  base: string;
  home: string;
}

export const PORTALS: Record<Role, PortalLogin> = {
  seeker: { role: 'seeker', portal: 'seeker', base: '', home: '/mypage' },
  employer: { role: 'employer', portal: 'employer', base: '/employer', home: '/employer' },
  staff: { role: 'staff', portal: 'staff', base: '/staff', home: '/staff' },
};

const loginSchema = z.object({ email: emailField(), password: secret({ max: 200 }) });
const codeSchema = z.object({ code: text({ max: 20 }) });

/** Only same-site paths inside the portal may be returned to after sign-in. */
function safeNext(raw: string | undefined, p: PortalLogin, baseUrl: string): string {
  const next = sameOriginPath(raw, baseUrl);
  if (!next) return p.home;
  return next === p.home || next.startsWith(`${p.home}/`) || (p.role === 'seeker' && next.startsWith('/jobs'))
    ? next
    : p.home;
}

/** Where a fresh session goes: to a form kept when the last one timed out, if any (SPEC MP-10). */
async function afterSignIn(c: Context<AppEnv>, accountId: string, next: string): Promise<string> {
  const { db, clock } = c.var.deps;
  await rememberLocale(db, accountId, c.var.locale);
  return (await findKeptForm(db, accountId, clock.now())) ? KEPT_FORM_PATH : next;
}

function titleOf(c: Context<AppEnv>, p: PortalLogin): string {
  const l = c.var.t.accounts.login;
  return p.role === 'seeker' ? l.seekerTitle : p.role === 'employer' ? l.employerTitle : l.staffTitle;
}

function LoginForm({
  p,
  values,
  errors,
  failed,
}: {
  p: PortalLogin;
  values: FormValues;
  errors: FormErrors;
  failed?: boolean;
}) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const a = t.accounts;
  const q = c.req.query();
  return (
    <>
      <h1>{titleOf(c, p)}</h1>
      {q.timeout ? <Notice kind="warning">{a.login.timedOut}</Notice> : null}
      {q.kept ? <Notice kind="info">{a.login.formKept}</Notice> : null}
      {q.out ? <Notice kind="success">{a.login.loggedOut}</Notice> : null}
      {failed ? (
        <div class="error-summary" role="alert" tabindex={-1} data-error-summary>
          <p class="field__error">{a.login.failed}</p>
        </div>
      ) : (
        <ErrorSummary errors={errors} />
      )}
      <form
        method="post"
        action={`${p.base}/login${q.next ? `?next=${encodeURIComponent(q.next)}` : ''}`}
        class="form"
        novalidate
      >
        <CsrfField />
        <TextField
          name="email"
          label={a.fields.email}
          type="email"
          autocomplete="username"
          value={one(values, 'email')}
          error={errors.email}
          spellcheck={false}
        />
        <TextField
          name="password"
          label={a.fields.password}
          type="password"
          autocomplete="current-password"
          error={errors.password}
        />
        <div class="actions">
          <Button>{a.login.submit}</Button>
        </div>
      </form>
      {p.role !== 'staff' ? (
        <ul>
          <li>
            <a href={`${p.base}/password-reset`}>{a.login.forgot}</a>
          </li>
          <li>
            <a href={p.role === 'seeker' ? '/mypage/open' : '/employer/open'}>{a.login.noAccount}</a>
          </li>
        </ul>
      ) : null}
    </>
  );
}

function CodeForm({ p, email, errors }: { p: PortalLogin; email: string; errors: FormErrors }) {
  const { t } = useRequestContext<AppEnv>().var;
  const a = t.accounts;
  return (
    <>
      <h1>{a.login.codeTitle}</h1>
      <p>{a.login.codeLead(email)}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${p.base}/login/code`} class="form" novalidate>
        <CsrfField />
        <TextField
          name="code"
          label={a.fields.loginCode}
          hint={a.hints.loginCode}
          inputmode="numeric"
          autocomplete="one-time-code"
          width="short"
          error={errors.code}
        />
        <Checkbox name="trust" label={a.fields.trustDevice} />
        <div class="actions">
          <Button>{a.login.codeSubmit}</Button>
        </div>
      </form>
    </>
  );
}

export function loginRoutes(role: Role): Hono<AppEnv> {
  const p = PORTALS[role];
  const flow = `login-${role}`;
  const labels = (c: Context<AppEnv>) => ({
    email: c.var.t.accounts.fields.email,
    password: c.var.t.accounts.fields.password,
    code: c.var.t.accounts.fields.loginCode,
  });
  return new Hono<AppEnv>()
    .get(`${p.base}/login`, async (c) => {
      if (c.var.auth?.role === role) return c.redirect(p.home, 303);
      return page(c, { title: titleOf(c, p), portal: p.portal }, <LoginForm p={p} values={{}} errors={{}} />);
    })
    .post(`${p.base}/login`, async (c) => {
      const values = await readForm(c);
      const v = validate(loginSchema, values, labels(c), c.var.t);
      if (!v.ok) {
        return page(
          c,
          { title: titleOf(c, p), portal: p.portal },
          <LoginForm p={p} values={values} errors={v.errors} />,
          400,
        );
      }
      const result = await signIn(c.var.deps, {
        role,
        email: v.data.email,
        password: v.data.password,
        ip: clientIp(c),
        deviceToken: readCookie(c, 'device'),
        locale: c.var.locale,
      });
      if (result.kind === 'failed') {
        return page(
          c,
          { title: titleOf(c, p), portal: p.portal },
          <LoginForm p={p} values={{ email: values.email }} errors={{}} failed />,
          401,
        );
      }
      const next = safeNext(c.req.query('next'), p, c.var.deps.config.baseUrl);
      if (result.kind === 'code_sent') {
        writeJourney(c, flow, 'code', { accountId: result.account.id, email: result.account.email, next });
        return c.redirect(`${p.base}/login/code`, 303);
      }
      await startSession(c, result.account.id, role);
      return c.redirect(await afterSignIn(c, result.account.id, next), 303);
    })
    .get(`${p.base}/login/code`, async (c) => {
      const journey = readJourney(c, flow);
      if (!journey) return c.redirect(`${p.base}/login`, 303);
      return page(
        c,
        { title: c.var.t.accounts.login.codeTitle, portal: p.portal },
        <CodeForm p={p} email={journey.data.email ?? ''} errors={{}} />,
      );
    })
    .post(`${p.base}/login/code`, async (c) => {
      const journey = readJourney(c, flow);
      if (!journey?.data.accountId) return c.redirect(`${p.base}/login`, 303);
      const values = await readForm(c);
      const v = validate(codeSchema, values, labels(c), c.var.t);
      const render = (errors: FormErrors, status: 400 | 401) =>
        page(
          c,
          { title: c.var.t.accounts.login.codeTitle, portal: p.portal },
          <CodeForm p={p} email={journey.data.email ?? ''} errors={errors} />,
          status,
        );
      if (!v.ok) return render(v.errors, 400);
      const result = await verifyLoginCode(c.var.deps, {
        accountId: journey.data.accountId,
        code: v.data.code,
        trustDevice: one(values, 'trust') !== '',
        ip: clientIp(c),
      });
      if (!result.ok) return render({ code: codeMessage(c.var.t, result.outcome, 'login') }, 401);
      clearJourney(c);
      if (result.deviceToken) writeCookie(c, 'device', result.deviceToken, TRUSTED_DEVICE_DAYS * 86_400);
      await startSession(c, result.account.id, role);
      return c.redirect(await afterSignIn(c, result.account.id, journey.data.next ?? p.home), 303);
    });
}

/** POST /logout: ends the session on the server and tells the browser to forget this site's data. */
export const logoutRoutes = new Hono<AppEnv>().post('/logout', async (c) => {
  const role = c.var.auth?.role ?? 'seeker';
  await endSession(c);
  return c.redirect(`${PORTALS[role].base}/login?out=1`, 303);
});
