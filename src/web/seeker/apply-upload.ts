/**
 * Reads the apply form's streamed multipart body (AP-2, AP-3): every file is checked by its bytes
 * while it arrives, stored under a generated key when it passes, and reported per row.
 */
import type { Context } from 'hono';
import type { StoredUpload } from '../../modules/applications/apply.ts';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../env.ts';

/** One file row of the form: stored (passed every check) or refused with a message for its field. */
export interface UploadRow {
  row: number;
  stored?: Omit<StoredUpload, 'kind'>;
  problem?: string;
}

export interface ApplyPost {
  fields: {
    draft: string;
    motivation: string;
    remarks: string;
    consent: string;
    action: string;
    remove: string[];
    kinds: Record<number, string>;
  };
  rows: UploadRow[];
  discard?: () => Promise<void>;
}

export async function readApplyUpload(
  _c: Context<AppEnv>,
  _opts: { acceptFiles: boolean },
): Promise<ApplyPost> {
  throw new AppError('bad_request', 'uploads not wired yet');
}
