/**
 * AL-1: the seeker switches a saved search's 新着求人 alert off, daily or weekly. Only their own
 * saved search changes. Switching on starts from today (initialCutoff); changing between daily
 * and weekly keeps the last cutoff, so no job is mailed twice or skipped.
 */
import type { Ports } from '../../deps.ts';
import { findSavedSearch, updateAlert } from './alerts.repository.ts';
import { type AlertFrequency, alertSlot, initialCutoff } from './alerts.rules.ts';

export async function setSearchAlert(
  deps: Ports<'db' | 'clock'>,
  input: { seekerId: string; id: string; frequency: AlertFrequency },
): Promise<'saved' | 'not_found'> {
  return deps.db.transaction(async (tx) => {
    const search = await findSavedSearch(tx, input.id);
    if (!search || search.seekerId !== input.seekerId) return 'not_found';
    const cutoff =
      input.frequency === 'off'
        ? null
        : search.alertFrequency === 'off' || search.alertCutoff === null
          ? initialCutoff(deps.clock.now())
          : search.alertCutoff;
    await updateAlert(tx, input.seekerId, input.id, {
      frequency: input.frequency,
      cutoff,
      slot: alertSlot(input.seekerId),
    });
    return 'saved';
  });
}
