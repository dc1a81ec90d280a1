/** English strings: employer MyPage. Same shape as ../ja/employer.ts. */
import type { Messages } from '../ja.ts';

export const employer: Messages['employer'] = {
  home: {
    title: 'Employer MyPage',
    name: 'Establishment name',
    number: 'Establishment number',
  },
};
