import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { multiPolygon, point } from './types.ts';

export const counties = pgTable('counties', {
  adcode: integer('adcode').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  namePinyin: text('name_pinyin').notNull(),
  geom: multiPolygon('geom').notNull(),
  seat: point('seat'),
});

export const departments = pgTable('departments', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  categories: text('categories').array(),
});
