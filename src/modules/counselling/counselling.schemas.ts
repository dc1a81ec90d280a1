/** The 職業相談 form (SPEC ST-1): 相談日, 確認した希望条件, メモ. */
import { z } from 'zod';
import { date, text } from '../../platform/fields.ts';

export const counsellingSchema = z.object({
  heldOn: date(),
  desiredConditions: text({ max: 1000, multiline: true }),
  notes: text({ max: 2000, optional: true, multiline: true }),
});

export type CounsellingInput = z.output<typeof counsellingSchema>;
