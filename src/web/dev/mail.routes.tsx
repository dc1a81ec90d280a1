import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import {
  type CapturedMail,
  findCapturedMail,
  listCapturedMail,
} from '../../adapters/mail/captured-mail.repository.ts';
import { formatTokyoDateTime } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppEnv } from '../env.ts';
import { markPersonal } from '../middleware.ts';
import { uuidParam } from '../params.ts';
import { page } from '../render.tsx';

type Mail = CapturedMail;

function MailList({ mails }: { mails: Mail[] }) {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t.dev.mailTitle}</h1>
      <p>{t.dev.mailLead}</p>
      {mails.length === 0 ? (
        <p>{t.dev.mailEmpty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.dev.sentAt}</th>
                <th scope="col">{t.dev.to}</th>
                <th scope="col">{t.dev.subject}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr>
                  <td>{formatTokyoDateTime(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>
                    <a href={`/dev/mail/${m.id}`}>{m.subject}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function MailView({ mail }: { mail: Mail }) {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{mail.subject}</h1>
      <dl class="summary-list">
        <div>
          <dt>{t.dev.to}</dt>
          <dd data-testid="mail-to">{mail.to}</dd>
        </div>
        <div>
          <dt>{t.dev.sentAt}</dt>
          <dd>{formatTokyoDateTime(mail.createdAt)}</dd>
        </div>
      </dl>
      <pre class="mail-body" data-testid="mail-body">
        {mail.text}
      </pre>
      <p>
        <a href="/dev/mail">{t.dev.back}</a>
      </p>
    </>
  );
}

/** Captured mail for development. Mounted only when NODE_ENV is not production. */
export const devMailRoutes = new Hono<AppEnv>()
  // Mails hold one-time codes: never cached.
  .use(async (c, next) => {
    markPersonal(c);
    await next();
  })
  .get('/', async (c) => {
    const mails = await listCapturedMail(c.var.deps.db, 100);
    return page(c, { title: c.var.t.dev.mailTitle }, <MailList mails={mails} />);
  })
  .get('/:id{[0-9a-f-]{36}}', async (c) => {
    const mail = await findCapturedMail(c.var.deps.db, uuidParam(c));
    if (!mail) throw notFound('mail');
    return page(c, { title: mail.subject }, <MailView mail={mail} />);
  });
