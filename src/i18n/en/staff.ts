/** English strings: the staff console. Same shape as ../ja/staff.ts. */
import type { Messages } from '../ja.ts';

export const staff: Messages['staff'] = {
  home: {
    title: 'Staff home',
    office: (code) => `Office: ${code}`,
  },
};
