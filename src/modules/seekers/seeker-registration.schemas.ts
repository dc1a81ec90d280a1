/** 求職登録 by staff (SPEC MP-1): the person's details plus the basic 求職情報 of seekers.schemas.ts. */
import { z } from 'zod';
import { date, email, kana, phone, postalCode, text } from '../../platform/fields.ts';
import { desiredConditionsSchema } from './seekers.schemas.ts';

export const seekerRegistrationSchema = z.object({
  name: text({ max: 50 }),
  nameKana: kana({ max: 50 }),
  birthDate: date(),
  email: email(),
  postalCode: postalCode(),
  address: text({ max: 200 }),
  phone: phone({ optional: true }),
  ...desiredConditionsSchema.shape,
});

export type SeekerRegistrationInput = z.output<typeof seekerRegistrationSchema>;
