/**
 * Editing a whole 求人票 (SPEC EM-4, ST-3). The employer edits its own job until 受理 (一時保存 makes
 * it a draft again, 受理を申し込む submits it); staff may also correct an open job, which stays open
 * and is reindexed in the same transaction.
 */
import type { Ports } from '../../deps.ts';
import { reindexJob } from '../search/reindex-job.ts';
import {
  employerMayEdit,
  type OnlineApplicationProblem,
  onlineApplicationProblem,
  staffMayEdit,
} from './job.rules.ts';
import type { JobContent } from './job.schemas.ts';
import type { JobStatus } from './job.types.ts';
import { findJobById, updateJobWhere } from './jobs.repository.ts';

export type JobEditor = { role: 'employer'; employerId: string } | { role: 'staff' };

export async function updateJob(
  deps: Ports<'db' | 'clock'>,
  input: { jobId: number; editor: JobEditor; content: JobContent; submit: boolean },
): Promise<'saved' | 'not_found' | 'not_editable' | OnlineApplicationProblem> {
  const now = deps.clock.now();
  const employerId = input.editor.role === 'employer' ? input.editor.employerId : undefined;
  const found = await findJobById(deps.db, input.jobId);
  if (!found || (employerId && found.job.employerId !== employerId)) return 'not_found';
  const current = found.job.status;
  const allowed = input.editor.role === 'employer' ? employerMayEdit(current) : staffMayEdit(current);
  if (!allowed) return 'not_editable';
  const problem = onlineApplicationProblem(input.content.acceptsOnlineApplication, found.employer);
  if (problem) return problem;
  const status: JobStatus = current === 'open' ? 'open' : input.submit ? 'submitted' : 'draft';
  return deps.db.transaction(async (tx) => {
    const row = await updateJobWhere(
      tx,
      input.jobId,
      [current],
      { ...input.content, status, updatedAt: now },
      employerId,
    );
    if (!row) return 'not_editable';
    await reindexJob(tx, row.id, now);
    return 'saved';
  });
}
