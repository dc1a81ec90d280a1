/** Japanese strings: jobs. */
export const jobs = {};
