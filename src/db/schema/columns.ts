import { timestamp } from 'drizzle-orm/pg-core';

/** created_at / updated_at, as timestamptz. Values are written by the app from its clock. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
};

export const instant = (name?: string) =>
  name
    ? timestamp(name, { withTimezone: true, mode: 'date' })
    : timestamp({ withTimezone: true, mode: 'date' });
