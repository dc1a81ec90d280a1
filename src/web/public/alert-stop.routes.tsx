/**
 * AL-6: stopping a 新着求人 alert from the mail, without signing in. The GET shows what the signed
 * link stops and a button (a mail scanner that follows the link changes nothing); the POST, with
 * its CSRF token, switches the alert off. A tampered or stale link gets a page that says so.
 */
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { readStopLink, stopSearchAlert } from '../../modules/search/stop-search-alert.ts';
import { Button, CsrfField } from '../components/form.tsx';
import { Notice } from '../components/notice.tsx';
import type { AppEnv } from '../env.ts';
import { page } from '../render.tsx';

function Invalid() {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t.alerts.stop.invalidTitle}</h1>
      <p>{t.alerts.stop.invalid}</p>
      <p>
        <a href="/mypage/searches">{t.alerts.stop.settings}</a>
      </p>
    </>
  );
}

function Confirm({ token, name, on }: { token: string; name: string; on: boolean }) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.alerts.stop;
  return (
    <>
      <h1>{s.title}</h1>
      {on ? (
        <>
          <p>{s.lead(name)}</p>
          <form method="post" action={`/alerts/stop/${encodeURIComponent(token)}`}>
            <CsrfField />
            <Button variant="danger">{s.button}</Button>
          </form>
        </>
      ) : (
        <Notice kind="info">{s.already}</Notice>
      )}
    </>
  );
}

function Done({ name, stopped }: { name: string; stopped: boolean }) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.alerts.stop;
  return (
    <>
      <h1>{s.title}</h1>
      <Notice kind="success">{stopped ? s.done(name) : s.already}</Notice>
      <p>
        <a href="/mypage/searches">{s.settings}</a>
      </p>
    </>
  );
}

export function alertStopRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/stop/:token', async (c) => {
      const token = c.req.param('token');
      const link = await readStopLink(c.var.deps, token);
      if (!link.ok)
        return page(c, { title: c.var.t.alerts.stop.invalidTitle, portal: 'public' }, <Invalid />, 404);
      return page(
        c,
        { title: c.var.t.alerts.stop.title, portal: 'public' },
        <Confirm token={token} name={link.name} on={link.on} />,
      );
    })
    .post('/stop/:token', async (c) => {
      const result = await stopSearchAlert(c.var.deps, c.req.param('token'));
      if (!result.ok)
        return page(c, { title: c.var.t.alerts.stop.invalidTitle, portal: 'public' }, <Invalid />, 404);
      return page(
        c,
        { title: c.var.t.alerts.stop.title, portal: 'public' },
        <Done name={result.name} stopped={result.stopped} />,
      );
    });
}
