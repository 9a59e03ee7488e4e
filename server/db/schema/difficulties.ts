import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';
import { agency } from './registry.js';

/**
 * The areas of administrative reform (lĩnh vực CCHC) as data: what a difficulty concerns. Seeded
 * by migration with the areas of the 2021–2030 programme (reference.md §2); an area no longer
 * used is deactivated, never deleted.
 */
export const reformArea = pgTable('reform_area', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique('reform_area_code_key'),
  name: text().notNull(),
  nameEn: text().notNull(),
  position: integer().notNull(),
  active: boolean().notNull().default(true),
});

/**
 * A difficulty a unit raises to its People's Committee through the standing office (khó khăn,
 * vướng mắc; issue 9 §7, M17). Placed by the raising agency. Status machine in
 * shared/domain/difficulty-status.ts; the response time is counted in working days from the day
 * it was raised to the day it was answered (the calendar module), stored when answered.
 */
export const difficulty = pgTable(
  'difficulty',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    reformAreaId: uuid()
      .notNull()
      .references(() => reformArea.id),
    title: text().notNull(),
    body: text().notNull(),
    /** The day it was raised, in Việt Nam. */
    raisedOn: date({ mode: 'string' }).notNull(),
    raisedBy: uuid().references(() => appUser.id),
    raisedByName: text().notNull(),
    /** 'raised' | 'forwarded' | 'answered' | 'closed'. */
    status: text().notNull().default('raised'),
    forwardedTo: uuid().references(() => appUser.id),
    forwardedToName: text(),
    forwardNote: text(),
    forwardedOn: date({ mode: 'string' }),
    answer: text(),
    answeredBy: uuid().references(() => appUser.id),
    answeredByName: text(),
    answeredOn: date({ mode: 'string' }),
    /** Working days from raisedOn to answeredOn. */
    responseWorkingDays: integer(),
    closedOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('difficulty_agency_id_idx').on(t.agencyId),
    index('difficulty_raised_on_idx').on(t.raisedOn),
    index('difficulty_search_idx').using('gin', sql`lower(f_unaccent(${t.title} || ' ' || ${t.body})) gin_trgm_ops`),
    check('difficulty_status_check', sql`${t.status} in ('raised','forwarded','answered','closed')`),
    check('difficulty_answer_check', sql`(${t.status} in ('answered','closed')) = (${t.answer} is not null and ${t.answeredOn} is not null)`),
    check('difficulty_forward_check', sql`${t.status} <> 'forwarded' or ${t.forwardedTo} is not null`),
  ],
);
