/** Japanese strings: search. */
export const search = {};
