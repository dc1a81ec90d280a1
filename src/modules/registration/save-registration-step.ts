/**
 * Saves one wizard step as typed (SPEC MP-10): 一時保存 saves without any check, 次へ進む saves
 * after the page checked it and moves the furthest step reached on. Nothing typed is lost.
 */
import type { Ports } from '../../deps.ts';
import { findDraftForUpdate, saveDraft } from './registration.repository.ts';
import {
  type DraftValues,
  draftValues,
  type FormStep,
  furthestStep,
  type RegistrationStep,
  resumeStep,
} from './registration.rules.ts';
import { STEP_FIELDS } from './registration.schemas.ts';

export async function saveRegistrationStep(
  deps: Ports<'db' | 'clock'>,
  req: {
    accountId: string;
    step: FormStep;
    values: Record<string, string | string[] | undefined>;
    /** The step the user moves on to (次へ進む); omitted for 一時保存. */
    reached?: RegistrationStep;
  },
): Promise<DraftValues> {
  const { db, clock } = deps;
  const kept = draftValues(STEP_FIELDS[req.step], req.values);
  await db.transaction(async (tx) => {
    const draft = await findDraftForUpdate(tx, req.accountId);
    const furthest = furthestStep(resumeStep(draft?.step), req.reached ?? req.step);
    await saveDraft(tx, {
      accountId: req.accountId,
      data: { ...draft?.data, [req.step]: kept },
      step: furthest,
      now: clock.now(),
    });
  });
  return kept;
}
