/** English strings: jobs. Same shape as ../ja/jobs.ts. */
import type { Messages } from '../ja.ts';

export const jobs: Messages['jobs'] = {};
