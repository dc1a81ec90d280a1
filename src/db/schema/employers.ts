import { char, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { instant, timestamps } from './columns.ts';
import { offices } from './offices.ts';

/** 事業所: a business that posts jobs. 事業所番号 has the form NNNN-NNNNNN-N. */
export const employers = pgTable(
  'employers',
  {
    id: uuid().primaryKey().defaultRandom(),
    establishmentNumber: text().notNull().unique(),
    officeCode: char({ length: 5 })
      .notNull()
      .references(() => offices.code),
    name: text().notNull(),
    nameKana: text().notNull(),
    postalCode: text().notNull(),
    prefectureCode: char({ length: 2 }).notNull(),
    city: text().notNull(),
    address: text().notNull(),
    phone: text().notNull(),
    industryCode: char({ length: 1 }).notNull(),
    employeesTotal: integer().notNull(),
    employeesAtWorkplace: integer().notNull(),
    businessDescription: text().notNull().default(''),
    /** The 求人者マイページ login; null when no login e-mail was registered. */
    accountId: uuid()
      .unique()
      .references(() => accounts.id),
    /** When 求人者マイページ was opened; referrals and messages need it (OR-2, MS-1). */
    mypageOpenedAt: instant(),
    ...timestamps,
  },
  (t) => [index('employers_office_idx').on(t.officeCode)],
);
