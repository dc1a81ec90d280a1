/**
 * 「求人」 filter of the employer's lists (応募者管理, メッセージ): the employer's own published jobs, and
 * the one chosen by ?job= (another employer's job id, or nonsense, is simply no filter).
 */
import type { Context } from 'hono';
import { listEmployerJobs } from '../../modules/jobs/jobs.repository.ts';
import { employerOf } from '../auth/guards.ts';
import { Button } from '../components/form.tsx';
import type { AppEnv } from '../env.ts';

type EmployerJob = Awaited<ReturnType<typeof listEmployerJobs>>[number];

export async function readJobFilter(c: Context<AppEnv>) {
  const employerId = employerOf(c).id;
  const jobs = (await listEmployerJobs(c.var.deps.db, employerId)).filter((j) => j.jobNumber);
  const jobParam = Number.parseInt(c.req.query('job') ?? '', 10);
  return { employerId, jobs, job: jobs.find((j) => j.id === jobParam) };
}

export function JobFilter(props: {
  action: string;
  jobs: EmployerJob[];
  job: EmployerJob | undefined;
  labels: { filterJob: string; allJobs: string; filter: string };
}) {
  const { labels } = props;
  return (
    <form method="get" action={props.action} class="inline-form">
      <label class="field__label" for="f-job">
        {labels.filterJob}
      </label>
      <select class="select" id="f-job" name="job">
        <option value="">{labels.allJobs}</option>
        {props.jobs.map((j) => (
          <option value={String(j.id)} selected={j.id === props.job?.id}>
            {j.jobNumber} {j.title}
          </option>
        ))}
      </select>
      <Button variant="secondary">{labels.filter}</Button>
    </form>
  );
}
