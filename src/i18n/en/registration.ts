/** English strings: registration. Same shape as ../ja/registration.ts. */
import type { Messages } from '../ja.ts';

export const registration: Messages['registration'] = {};
