import { char, pgTable, text } from 'drizzle-orm/pg-core';

/** 公共職業安定所 (ハローワーク). The 5-digit code is the first part of every 求人番号 and 求職番号. */
export const offices = pgTable('offices', {
  code: char({ length: 5 }).primaryKey(),
  name: text().notNull(),
  prefectureCode: char({ length: 2 }).notNull(),
  address: text().notNull(),
  phone: text().notNull(),
});
