/**
 * A new 求人票 (SPEC EM-4, ST-3): 「一時保存」 keeps a draft, 「受理を申し込む」 submits it for 受理.
 * The job starts at the employer's own office; the office that accepts it becomes its 受理安定所.
 */
import type { Deps } from '../../deps.ts';
import { notFound } from '../../platform/errors.ts';
import { findEmployer } from '../employers/employers.repository.ts';
import { reindexJob } from '../search/reindex-job.ts';
import { type OnlineApplicationProblem, onlineApplicationProblem } from './job.rules.ts';
import type { JobContent } from './job.schemas.ts';
import { insertJob } from './jobs.repository.ts';

export type CreateJobResult =
  | { ok: true; id: number }
  | { ok: false; field: 'acceptsOnlineApplication'; problem: OnlineApplicationProblem };

export async function createJob(
  deps: Deps,
  input: { employerId: string; content: JobContent; submit: boolean },
): Promise<CreateJobResult> {
  const now = deps.clock.now();
  const employer = await findEmployer(deps.db, input.employerId);
  if (!employer) throw notFound('employer');
  const problem = onlineApplicationProblem(input.content.acceptsOnlineApplication, employer);
  if (problem) return { ok: false, field: 'acceptsOnlineApplication', problem };
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertJob(tx, {
      ...input.content,
      employerId: employer.id,
      officeCode: employer.officeCode,
      status: input.submit ? 'submitted' : 'draft',
      jobNumber: null,
      acceptedOn: null,
      referralDeadline: null,
      closedOn: null,
      createdAt: now,
      updatedAt: now,
    });
    await reindexJob(tx, id, now);
    return id;
  });
  return { ok: true, id };
}
