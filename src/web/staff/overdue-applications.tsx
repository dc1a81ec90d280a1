/**
 * Staff console: 回答予定日を過ぎた応募 (the reply promise, ADR 0023). The applications of the seekers
 * whose 管轄 is the staff member's office (seekers.office_code; internet-only seekers have none)
 * that are still 応募中 after their 回答予定日 — newest 回答予定日 first, paginated — with the
 * employer, the seeker (linked to the staff seeker page), how many days overdue and whether the
 * employer has been reminded. Read-only.
 */
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import {
  countOverdueForOffice,
  listOverdueForOffice,
  type OverdueRow,
} from '../../modules/applications/reply.repository.ts';
import { daysOverdue, overdueIfDueBefore } from '../../modules/applications/reply.rules.ts';
import { formatTokyoDateTime, type LocalDate, tokyoDate } from '../../platform/dates.ts';
import { staffOf } from '../auth/guards.ts';
import { Pagination, pageNumber } from '../components/pagination.tsx';
import type { AppEnv } from '../env.ts';
import { page } from '../render.tsx';

const PAGE_SIZE = 50;

function OverdueTable({ rows, today }: { rows: OverdueRow[]; today: LocalDate }) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.applying.reply.staff;
  return (
    <div class="table-wrap">
      <table class="table" id="overdue-applications">
        <caption>{s.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.appliedAt}</th>
            <th scope="col">{s.job}</th>
            <th scope="col">{s.employer}</th>
            <th scope="col">{s.seeker}</th>
            <th scope="col">{s.dueOn}</th>
            <th scope="col">{s.daysOverdue}</th>
            <th scope="col">{s.remindedAt}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const app = r.application;
            return (
              <tr id={`overdue-${app.id}`}>
                <td>{t.common.date(tokyoDate(app.appliedAt))}</td>
                <td>
                  <a href={`/staff/jobs/${r.job.id}`}>{r.job.jobNumber}</a> {r.job.title}
                </td>
                <td>{r.employerName}</td>
                <th scope="row">
                  <a href={`/staff/seekers/${r.seeker.id}`}>{r.seeker.name}</a>
                </th>
                <td>{app.replyDueOn ? t.common.date(app.replyDueOn) : ''}</td>
                <td>{s.days(daysOverdue(app, today))}</td>
                <td>
                  {app.replyRemindedAt
                    ? formatTokyoDateTime(app.replyRemindedAt)
                    : r.employerHasLogin
                      ? s.notReminded
                      : s.noLogin}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Mounted at /staff/applications (behind requireRole('staff')). */
export function staffApplicationRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/overdue', async (c) => {
    const { t } = c.var;
    const s = t.applying.reply.staff;
    const office = staffOf(c).officeCode;
    const today = tokyoDate(c.var.deps.clock.now());
    const dueBefore = overdueIfDueBefore(today);
    const total = await countOverdueForOffice(c.var.deps.db, office, dueBefore);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const n = Math.min(pages, Math.max(1, pageNumber(c.req.query('page'))));
    const rows = await listOverdueForOffice(c.var.deps.db, office, dueBefore, {
      limit: PAGE_SIZE,
      offset: (n - 1) * PAGE_SIZE,
    });
    return page(
      c,
      {
        title: s.title,
        portal: 'staff',
        breadcrumbs: [{ label: t.nav.staffHome, href: '/staff' }, { label: s.title }],
      },
      <>
        <h1>{s.title}</h1>
        <p>{s.lead}</p>
        <p>{t.staff.home.office(office)}</p>
        {rows.length === 0 ? (
          <p id="overdue-none">{s.empty}</p>
        ) : (
          <>
            <p id="overdue-count">{t.staff.list.count(total)}</p>
            <OverdueTable rows={rows} today={today} />
          </>
        )}
        <Pagination
          id="overdue-pages"
          current={n}
          pages={pages}
          href={(p) => `?page=${p}`}
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
