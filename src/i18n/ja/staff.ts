/** Japanese strings: the staff console. */
export const staff = {
  home: {
    title: '職員トップ',
    office: (code: string) => `所属安定所：${code}`,
  },
};
