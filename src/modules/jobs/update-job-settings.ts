/**
 * SPEC EM-4: on an open job the employer changes only 応募書類の送付方法, オンライン自主応募 and
 * 公開範囲; the search index follows in the same transaction (「公開しない」 leaves search at once).
 */
import type { Ports } from '../../deps.ts';
import { findEmployer } from '../employers/employers.repository.ts';
import { reindexJob } from '../search/reindex-job.ts';
import { type OnlineApplicationProblem, onlineApplicationProblem } from './job.rules.ts';
import type { JobSettingsInput } from './job.schemas.ts';
import { updateJobWhere } from './jobs.repository.ts';

export async function updateJobSettings(
  deps: Ports<'db' | 'clock'>,
  input: { jobId: number; employerId: string; settings: JobSettingsInput },
): Promise<'saved' | 'not_open' | OnlineApplicationProblem> {
  const now = deps.clock.now();
  const { settings } = input;
  const employer = await findEmployer(deps.db, input.employerId);
  if (!employer) return 'not_open';
  const problem = onlineApplicationProblem(settings.acceptsOnlineApplication === 'yes', employer);
  if (problem) return problem;
  return deps.db.transaction(async (tx) => {
    const row = await updateJobWhere(
      tx,
      input.jobId,
      ['open'],
      {
        documentMethods: settings.documentMethods,
        acceptsOnlineApplication: settings.acceptsOnlineApplication === 'yes',
        ...(settings.publicationScope ? { publicationScope: settings.publicationScope } : {}),
        updatedAt: now,
      },
      input.employerId,
    );
    if (!row) return 'not_open';
    await reindexJob(tx, row.id, now);
    return 'saved';
  });
}
