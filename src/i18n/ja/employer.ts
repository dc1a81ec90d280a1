/** Japanese strings: 求人者マイページ. */
export const employer = {
  home: {
    title: '求人者マイページ',
    name: '事業所名',
    number: '事業所番号',
  },
};
