/**
 * A form kept when its session timed out (SPEC MP-10: never lose what was typed; see csrf.ts) is
 * offered again right after its account signs in: one button sends the same fields, with a fresh
 * CSRF token, to the page they were meant for, where they are validated as usual. Only the account
 * whose session it was ever sees it.
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { deleteKeptForm, findKeptForm, type KeptForm } from '../../modules/accounts/kept-forms.repository.ts';
import { formatTokyoDateTime } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { KEPT_FORM_FIELD } from '../auth/csrf.ts';
import type { Auth } from '../auth/session.ts';
import { Button, ButtonLink, CsrfField } from '../components/form.tsx';
import { Notice } from '../components/notice.tsx';
import type { AppEnv } from '../env.ts';
import { page } from '../render.tsx';
import { KEPT_FORM_PATH, PORTALS } from './login.routes.tsx';

function signedIn(c: Context<AppEnv>): Auth {
  const auth = c.var.auth;
  if (!auth) throw new AppError('unauthenticated');
  return auth;
}

function homeLabel(c: Context<AppEnv>, auth: Auth): string {
  const nav = c.var.t.nav;
  return auth.role === 'seeker' ? nav.home : auth.role === 'employer' ? nav.employerHome : nav.staffHome;
}

function KeptFormPage({ c, kept }: { c: Context<AppEnv>; kept: KeptForm }) {
  const k = c.var.t.accounts.keptForm;
  const until = formatTokyoDateTime(kept.expiresAt);
  return (
    <>
      <h1>{k.title}</h1>
      <Notice kind="info">{k.lead}</Notice>
      <p>{k.howTo}</p>
      <p>{k.expires(until)}</p>
      <form method="post" action={kept.path} class="form">
        <CsrfField />
        <input type="hidden" name={KEPT_FORM_FIELD} value="1" />
        {kept.fields.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <div class="actions">
          <Button>{k.send}</Button>
        </div>
      </form>
      <form method="post" action={`${KEPT_FORM_PATH}/discard`} class="form">
        <CsrfField />
        <div class="actions">
          <Button variant="secondary">{k.discard}</Button>
        </div>
      </form>
    </>
  );
}

export function keptFormRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get(KEPT_FORM_PATH, async (c) => {
      const auth = signedIn(c);
      const p = PORTALS[auth.role];
      const { db, clock } = c.var.deps;
      const kept = await findKeptForm(db, auth.accountId, clock.now());
      const k = c.var.t.accounts.keptForm;
      if (!kept) {
        if (!c.req.query('discarded')) return c.redirect(p.home, 303);
        return page(
          c,
          { title: k.title, portal: p.portal },
          <>
            <h1>{k.title}</h1>
            <Notice kind="success">{k.discarded}</Notice>
            <p>
              <ButtonLink href={p.home}>{homeLabel(c, auth)}</ButtonLink>
            </p>
          </>,
        );
      }
      return page(c, { title: k.title, portal: p.portal }, <KeptFormPage c={c} kept={kept} />);
    })
    .post(`${KEPT_FORM_PATH}/discard`, async (c) => {
      const auth = signedIn(c);
      await deleteKeptForm(c.var.deps.db, auth.accountId);
      return c.redirect(`${KEPT_FORM_PATH}?discarded=1`, 303);
    });
}

/** A kept form sent again is no longer kept, whatever its page answers (it shows the input anyway). */
export function keptFormCleanup(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.var.auth;
    if (auth && c.req.method === 'POST' && c.req.path !== `${KEPT_FORM_PATH}/discard`) {
      if (c.var.form.some(([name]) => name === KEPT_FORM_FIELD)) {
        await deleteKeptForm(c.var.deps.db, auth.accountId);
      }
    }
    await next();
  };
}
