/**
 * The employer's メッセージ (SPEC MS-1, ADR 0023): every application thread of its jobs — across
 * jobs or for one — most recently active first, each with its unread count, linked to the thread
 * page; the unread count in the navigation; and the employer's live stream (/employer/events) with
 * the fragments it refreshes, so new messages appear on open pages without a reload (ADR 0018).
 */
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { countEmployerUnread, listEmployerThreads } from '../../modules/threads/threads.repository.ts';
import { formatTokyoDateTime } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { Pagination, pageNumber } from '../components/pagination.tsx';
import type { AppEnv } from '../env.ts';
import { markPersonal } from '../middleware.ts';
import { fragment, page } from '../render.tsx';
import { liveEvents, liveGuard } from '../seeker/live.routes.tsx';
import { JobFilter, readJobFilter } from './job-filter.tsx';

const PAGE_SIZE = 30;

/** 「メッセージ（N）」 in the employer navigation: unread entries from applicants. */
export async function EmployerNavUnread() {
  const c = useRequestContext<AppEnv>();
  const t = c.var.t.threads.inbox;
  const employer = c.var.auth?.employer;
  let n = 0;
  if (employer) {
    try {
      n = await countEmployerUnread(c.var.deps.db, employer.id);
    } catch {
      n = 0; // the error page must render even when the database does not answer
    }
  }
  return (
    <span
      id="nav-unread"
      class="nav-unread"
      data-live-fragment="/employer/fragments/nav-unread"
      data-live-kinds="application.message"
    >
      {n > 0 ? (
        <>
          <span aria-hidden="true">{t.navCount(n)}</span>
          <span class="visually-hidden">{t.navUnreadHidden(n)}</span>
        </>
      ) : null}
    </span>
  );
}

type ThreadRows = Awaited<ReturnType<typeof listEmployerThreads>>['rows'];

/** The table of threads; also the live fragment `inbox` (page 1 of the page it is on). */
function InboxTable({ rows, src }: { rows: ThreadRows; src: string }) {
  const { t } = useRequestContext<AppEnv>().var;
  const m = t.threads.inbox;
  return (
    <div
      id="employer-inbox"
      data-live-fragment={src || undefined}
      data-live-kinds={src ? 'application.message' : undefined}
    >
      {rows.length === 0 ? (
        <p id="inbox-none">{m.none}</p>
      ) : (
        <div class="table-wrap">
          <table class="table" id="employer-threads">
            <caption>{m.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.applicant}</th>
                <th scope="col">{m.job}</th>
                <th scope="col">{m.lastAt}</th>
                <th scope="col">{m.entries}</th>
                <th scope="col">{m.unread}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr class={r.unread > 0 ? 'unread' : undefined}>
                  <th scope="row">
                    <a href={`/employer/applications/${r.applicationId}/messages`}>{r.seekerName}</a>
                  </th>
                  <td>
                    {r.jobNumber} {r.title}
                  </td>
                  <td>{r.lastAt ? formatTokyoDateTime(r.lastAt) : ''}</td>
                  <td>{r.entries}</td>
                  <td>{r.unread > 0 ? <strong>{t.threads.unreadCount(r.unread)}</strong> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Mounted at /employer/messages (behind requireRole('employer')). */
export function employerMessageRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', async (c) => {
    markPersonal(c);
    const { t } = c.var;
    const m = t.threads.inbox;
    const { employerId, jobs, job } = await readJobFilter(c);
    const n = Math.max(1, pageNumber(c.req.query('page')));
    const { rows, total } = await listEmployerThreads(c.var.deps.db, employerId, {
      jobId: job?.id,
      limit: PAGE_SIZE,
      offset: (n - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const query = (p: number) => `?${job ? `job=${job.id}&` : ''}page=${p}`;
    const src = `/employer/fragments/inbox${job ? `?job=${job.id}` : ''}`;
    return page(
      c,
      {
        title: m.title,
        portal: 'employer',
        breadcrumbs: [{ label: t.nav.employerHome, href: '/employer' }, { label: m.title }],
      },
      <>
        <h1>{m.title}</h1>
        <p>{m.lead}</p>
        <JobFilter action="/employer/messages" jobs={jobs} job={job} labels={m} />
        {job ? <h2 id="job-threads">{m.jobThreads(total)}</h2> : null}
        {/* Only page 1 is refreshed live: a later page would shift under the reader. */}
        <InboxTable rows={rows} src={n === 1 ? src : ''} />
        <Pagination
          id="inbox-pages"
          current={Math.min(n, pages)}
          pages={pages}
          href={query}
          labels={{
            nav: t.seeker.activity.pagination,
            prev: t.seeker.activity.prev,
            next: t.seeker.activity.next,
            pageN: t.seeker.activity.pageN,
          }}
        />
      </>,
    );
  });
}

/** /employer/events and /employer/fragments/:name, mounted before the portal's sign-in redirect. */
export function employerLiveRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/events', liveGuard('employer'), liveEvents)
    .get('/fragments/:name', liveGuard('employer'), async (c) => {
      markPersonal(c);
      const name = c.req.param('name');
      if (name === 'nav-unread') return fragment(c, <EmployerNavUnread />);
      if (name !== 'inbox') throw notFound('live fragment');
      const { employerId, job } = await readJobFilter(c);
      const { rows } = await listEmployerThreads(c.var.deps.db, employerId, {
        jobId: job?.id,
        limit: PAGE_SIZE,
        offset: 0,
      });
      return fragment(
        c,
        <InboxTable rows={rows} src={`/employer/fragments/inbox${job ? `?job=${job.id}` : ''}`} />,
      );
    });
}
