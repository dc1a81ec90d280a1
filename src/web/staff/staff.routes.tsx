/** The employment-office staff console: everything behind requireRole('staff'). */
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { requireRole, staffOf } from '../auth/guards.ts';
import type { AppEnv } from '../env.ts';
import { page } from '../render.tsx';
import { staffOfficeNoticeRoutes } from './information.tsx';
import { staffApplicationRoutes } from './overdue-applications.tsx';
import { staffEmployersRoutes } from './staff-employers.routes.tsx';
import { staffJobsRoutes } from './staff-jobs.routes.tsx';
import { staffSeekersRoutes } from './staff-seekers.routes.tsx';

function Home() {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  return (
    <>
      <h1>{t.staff.home.title}</h1>
      <p>{t.staff.home.office(staffOf(c).officeCode)}</p>
      <ul>
        <li>
          <a href="/staff/seekers">{t.nav.staffSeekers}</a>
        </li>
        <li>
          <a href="/staff/employers">{t.nav.staffEmployers}</a>
        </li>
        <li>
          <a href="/staff/jobs">{t.nav.staffJobs}</a>
        </li>
        <li>
          <a href="/staff/notices/new">{t.information.notice.officeTitle}</a>
        </li>
        <li>
          <a href="/staff/applications/overdue" id="staff-overdue-link">
            {t.applying.reply.staff.title}
          </a>
        </li>
      </ul>
    </>
  );
}

export function staffPortal(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use(requireRole('staff'))
    .get('/', async (c) => page(c, { title: c.var.t.staff.home.title, portal: 'staff' }, <Home />))
    .route('/seekers', staffSeekersRoutes())
    .route('/employers', staffEmployersRoutes())
    .route('/jobs', staffJobsRoutes())
    .route('/notices', staffOfficeNoticeRoutes())
    .route('/applications', staffApplicationRoutes());
}
