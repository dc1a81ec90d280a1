/** やさしい日本語 strings (ADR 0034): 求人者マイページ. */
import type { Messages } from '../ja.ts';
export const employer: Messages['employer'] = {
  home: {
    title: '求人者マイページ',
    name: '事業所名',
    number: '事業所番号',
  },
};
