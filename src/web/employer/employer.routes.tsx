/** 求人者マイページ: everything behind requireRole('employer'). */
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { findEmployer } from '../../modules/employers/employers.repository.ts';
import { isNotificationKind, KINDS } from '../../modules/notifications/kinds.ts';
import {
  type InboxMessage,
  listInboxMessages,
} from '../../modules/notifications/notifications.repository.ts';
import { inboxCursor } from '../../modules/notifications/read-inbox.ts';
import { formatTokyoDateTime } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { employerOf, requireRole } from '../auth/guards.ts';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { page } from '../render.tsx';
import { threadRoutes } from '../threads/thread-page.tsx';
import { employerApplicationRoutes } from './employer-applications.tsx';
import { employerJobsRoutes } from './employer-jobs.routes.tsx';
import { employerMessageRoutes } from './employer-messages.tsx';

/** EM-2: the employer's latest notices (new applications …), each linked to what it is about. */
function Notices({ messages }: { messages: InboxMessage[] }) {
  const { t } = useRequestContext<AppEnv>().var;
  const e = t.applying.employer;
  return (
    <section aria-labelledby="employer-notices" class="panel">
      <h2 id="employer-notices">{e.notices}</h2>
      {messages.length === 0 ? (
        <p>{e.noNotices}</p>
      ) : (
        <ul id="employer-notice-list">
          {messages.map((m) => {
            const received = KINDS['application.received'].schema.safeParse(m.data);
            const cancelled = KINDS['application.cancelled'].schema.safeParse(m.data);
            const thread = KINDS['application.message'].schema.safeParse(m.data);
            const overdue = KINDS['application.reply_overdue'].schema.safeParse(m.data);
            const label = isNotificationKind(m.kind) ? t.notifications.kind[m.kind] : m.kind;
            return (
              <li class={m.readAt ? undefined : 'unread'}>
                <span class="muted">{formatTokyoDateTime(m.createdAt)}</span>{' '}
                {m.kind === 'application.received' && received.success ? (
                  <a href={`/employer/applications/${received.data.applicationId}`}>
                    {label}
                    {t.common.colon}
                    {received.data.jobNumber} {received.data.title}
                  </a>
                ) : m.kind === 'application.cancelled' && cancelled.success ? (
                  <>
                    <a href={`/employer/applications/${cancelled.data.applicationId}`}>
                      {label}
                      {t.common.colon}
                      {cancelled.data.jobNumber} {cancelled.data.title}
                    </a>
                    <span class="notice-reason">
                      {t.common.paren(
                        `${t.applying.cancel.cancelledReason}${t.common.colon}${t.applying.cancel.reasons[cancelled.data.reason]}${cancelled.data.note ? ` ${cancelled.data.note}` : ''}`,
                      )}
                    </span>
                  </>
                ) : m.kind === 'application.message' && thread.success ? (
                  <a href={`/employer/applications/${thread.data.applicationId}/messages#thread`}>
                    {t.threads.notice[thread.data.entry](t.threads.applicant)}
                    {t.common.colon}
                    {thread.data.jobNumber} {thread.data.title}
                  </a>
                ) : m.kind === 'application.reply_overdue' && overdue.success ? (
                  <a href={`/employer/applications/${overdue.data.applicationId}`}>
                    {label}
                    {t.common.colon}
                    {overdue.data.jobNumber} {overdue.data.title}
                    {t.applying.reply.notice(t.common.date(overdue.data.dueOn))}
                  </a>
                ) : (
                  label
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Home({ name, number, messages }: { name: string; number: string; messages: InboxMessage[] }) {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t.employer.home.title}</h1>
      <SummaryList
        rows={[
          [t.employer.home.name, name],
          [t.employer.home.number, number],
        ]}
      />
      <ul>
        <li>
          <a href="/employer/jobs">{t.nav.employerJobs}</a>
        </li>
        <li>
          <a href="/employer/applications">{t.nav.employerApplications}</a>
        </li>
      </ul>
      <Notices messages={messages} />
    </>
  );
}

export function employerPortal(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use(requireRole('employer'))
    .use(async (c, next) => {
      // Read before the page: the live stream the page opens sends everything after it (ADR 0018).
      if (c.req.method === 'GET') c.set('liveCursor', await inboxCursor(c.var.deps, c.var.auth!.accountId));
      await next();
    })
    .route('/jobs', employerJobsRoutes())
    .route('/applications', employerApplicationRoutes())
    .route('/applications', threadRoutes('employer'))
    .route('/messages', employerMessageRoutes())
    .get('/', async (c) => {
      const employer = await findEmployer(c.var.deps.db, employerOf(c).id);
      if (!employer) throw new AppError('not_found', 'employer');
      const messages = await listInboxMessages(c.var.deps.db, c.var.auth!.accountId, 10);
      return page(
        c,
        { title: c.var.t.employer.home.title, portal: 'employer' },
        <Home name={employer.name} number={employer.establishmentNumber} messages={messages} />,
      );
    });
}
