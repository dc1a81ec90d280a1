/** English strings: search. Same shape as ../ja/search.ts. */
import type { Messages } from '../ja.ts';

export const search: Messages['search'] = {};
