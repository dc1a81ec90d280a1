/** 求人者マイページ: everything behind requireRole('employer'). */
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { findEmployer } from '../../modules/employers/employers.repository.ts';
import { AppError } from '../../platform/errors.ts';
import { employerOf, requireRole } from '../auth/guards.ts';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { page } from '../render.tsx';
import { employerJobsRoutes } from './employer-jobs.routes.tsx';

function Home({ name, number }: { name: string; number: string }) {
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
      </ul>
    </>
  );
}

export function employerPortal(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use(requireRole('employer'))
    .route('/jobs', employerJobsRoutes())
    .get('/', async (c) => {
      const employer = await findEmployer(c.var.deps.db, employerOf(c).id);
      if (!employer) throw new AppError('not_found', 'employer');
      return page(
        c,
        { title: c.var.t.employer.home.title, portal: 'employer' },
        <Home name={employer.name} number={employer.establishmentNumber} />,
      );
    });
}
