/**
 * A new 求人票 (SPEC EM-4, ST-3): 「一時保存」 keeps a draft, 「受理を申し込む」 submits it for 受理.
 * The job starts at the employer's own office; the office that accepts it becomes its 受理安定所.
 */
import type { Ports } from '../../deps.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/text.ts';
import { findEmployer } from '../employers/employers.repository.ts';
import { reindexJob } from '../search/reindex-job.ts';
import { type OnlineApplicationProblem, onlineApplicationProblem } from './job.rules.ts';
import type { JobContent } from './job.schemas.ts';
import { insertJob, insertJobOnce, updateJobWhere } from './jobs.repository.ts';

export type CreateJobResult =
  | { ok: true; id: number }
  | { ok: false; field: 'acceptsOnlineApplication'; problem: OnlineApplicationProblem };

export async function createJob(
  deps: Ports<'db' | 'clock'>,
  input: { employerId: string; content: JobContent; submit: boolean; formKey?: string | undefined },
): Promise<CreateJobResult> {
  const now = deps.clock.now();
  const employer = await findEmployer(deps.db, input.employerId);
  if (!employer) throw notFound('employer');
  const problem = onlineApplicationProblem(input.content.acceptsOnlineApplication, employer);
  if (problem) return { ok: false, field: 'acceptsOnlineApplication', problem };
  const status = input.submit ? 'submitted' : 'draft';
  const row = {
    ...input.content,
    employerId: employer.id,
    officeCode: employer.officeCode,
    status,
    jobNumber: null,
    acceptedOn: null,
    referralDeadline: null,
    closedOn: null,
    createdAt: now,
    updatedAt: now,
  } as const;
  const id = await deps.db.transaction(async (tx) => {
    const formKey = input.formKey && isUuid(input.formKey) ? input.formKey : undefined;
    if (!formKey) {
      const id = await insertJob(tx, row);
      await reindexJob(tx, id, now);
      return id;
    }
    // The same form sent again (a double click, or after a refusal) saves into its first draft.
    const job = await insertJobOnce(tx, { ...row, formKey });
    if (!job.created && job.status === 'draft') {
      await updateJobWhere(tx, job.id, ['draft'], { ...input.content, status, updatedAt: now });
    }
    await reindexJob(tx, job.id, now);
    return job.id;
  });
  return { ok: true, id };
}
