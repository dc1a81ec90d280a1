/** Japanese strings: registration. */
export const registration = {};
