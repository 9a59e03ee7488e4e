import { z } from 'zod';
import { abilitiesSchema, isoDate, optionalText, plainString, queryBool, text, version } from './common.js';

/** Territorial unit kinds (reference.md §7.4). */
export const unitKinds = [
  'country',
  'province',
  'city',
  'district',
  'town',
  'provincial_city',
  'ward',
  'commune',
  'township',
  'special_zone',
] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Agency kinds: who inspects and who is inspected. */
export const agencyKinds = [
  'peoples_committee',
  'department',
  'office',
  'public_service_unit',
  'one_stop_desk',
  'reception_point',
  'other',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const successionKinds = ['merged_into', 'split_into', 'renamed_to'] as const;

export const unitSchema = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.enum(unitKinds),
  parentId: z.uuid().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;

export const successionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(successionKinds),
  fromUnitId: z.uuid(),
  fromUnitName: z.string(),
  toUnitId: z.uuid(),
  toUnitName: z.string(),
  effectiveDate: z.string(),
  note: z.string().nullable(),
});

/** A unit's abilities: also whether a unit may be added under it, and a succession recorded from it. */
export const unitAbilitiesSchema = abilitiesSchema.extend({ createChild: z.boolean(), recordSuccession: z.boolean() });
export type UnitAbilities = z.infer<typeof unitAbilitiesSchema>;
export const unitDetailSchema = unitSchema.extend({
  parentName: z.string().nullable(),
  successors: z.array(successionSchema),
  predecessors: z.array(successionSchema),
  abilities: unitAbilitiesSchema,
});
export type UnitDetail = z.infer<typeof unitDetailSchema>;

export const listUnitsQuery = z.object({
  q: plainString(200).optional(),
  asOf: isoDate.optional(),
  parentId: z.uuid().optional(),
  includeInactive: queryBool.optional(),
  /** Keyset cursor: the `nextCursor` of the previous page (opaque). */
  after: z.string().max(2000).regex(/^[A-Za-z0-9_-]+$/).optional(),
  /** A province's units fit one page; a national admin's 3,400 come in pages. */
  limit: z.coerce.number().int().min(1).max(2000).default(1000),
});
export const unitListResponse = z.object({
  items: z.array(unitSchema),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Units matching the filters in the caller's reach (all pages). */
  total: z.number().int(),
});

export const createUnitBody = z.object({
  code: optionalText(20),
  name: text(200),
  kind: z.enum(unitKinds),
  parentId: z.uuid().nullish(),
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
});
export const updateUnitBody = createUnitBody.partial().extend({ version });
export const deactivateBody = z.object({ version, validTo: isoDate.optional() });

export const createSuccessionBody = z.object({
  kind: z.enum(successionKinds),
  toUnitId: z.uuid(),
  effectiveDate: isoDate,
  note: optionalText(500),
});

export const agencySchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  parentAgencyId: z.uuid().nullable(),
  parentAgencyName: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(agencyKinds),
  code: z.string().nullable(),
  docAbbreviation: z.string().nullable(),
  placeName: z.string().nullable(),
  headName: z.string().nullable(),
  headTitle: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  isStandingBody: z.boolean(),
  version: z.number().int(),
});
export type Agency = z.infer<typeof agencySchema>;
/** An agency's abilities, with the field-level rule: `editableFields` null means every field. */
export const agencyAbilitiesSchema = abilitiesSchema.extend({ editableFields: z.array(z.string()).nullable() });
export type AgencyAbilities = z.infer<typeof agencyAbilitiesSchema>;
export const agencyDetailSchema = agencySchema.extend({ abilities: agencyAbilitiesSchema });
export type AgencyDetail = z.infer<typeof agencyDetailSchema>;

export const listAgenciesQuery = z.object({
  q: plainString(200).optional(),
  unitId: z.uuid().optional(),
  kind: z.enum(agencyKinds).optional(),
  includeInactive: queryBool.optional(),
  /**
   * The places an inspection of this agency may visit: the agency itself (its head office) and the
   * one-stop desks and citizen reception points under it, at any depth.
   */
  placesOf: z.uuid().optional(),
  /** Keyset cursor: the `nextCursor` of the previous page (opaque). */
  after: z.string().max(2000).regex(/^[A-Za-z0-9_-]+$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const agencyListResponse = z.object({
  items: z.array(agencySchema),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Agencies matching the filters in the caller's reach (all pages). */
  total: z.number().int(),
});

export const createAgencyBody = z.object({
  unitId: z.uuid(),
  parentAgencyId: z.uuid().nullish(),
  name: text(300),
  shortName: optionalText(100),
  kind: z.enum(agencyKinds),
  code: optionalText(30),
  docAbbreviation: optionalText(20),
  placeName: optionalText(100),
  headName: optionalText(200),
  headTitle: optionalText(200),
  phone: optionalText(50),
  email: z.email().nullish(),
  address: optionalText(300),
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
});
export const updateAgencyBody = createAgencyBody.partial().extend({ version });

export const importRejectionSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export const importResultSchema = z.object({
  units: z.object({ created: z.number().int(), updated: z.number().int() }),
  agencies: z.object({ created: z.number().int(), updated: z.number().int() }),
  /** The first rejections (a page of them: a 20,000-row mistake is not sent back whole). */
  rejected: z.array(importRejectionSchema),
  /** How many rows were rejected in all. */
  rejectedCount: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const registryImportStatuses = ['queued', 'running', 'done', 'rejected', 'failed'] as const;
/** A registry import run as a job: how far it has got and, once done, what it did. */
export const registryImportSchema = z.object({
  id: z.uuid(),
  dryRun: z.boolean(),
  fileName: z.string().nullable(),
  status: z.enum(registryImportStatuses),
  /** Rows in the workbook's two sheets, once the job has read it. */
  total: z.number().int().nullable(),
  processed: z.number().int(),
  result: importResultSchema.nullable(),
  /** Why the workbook was refused whole (status 'rejected'): a field-level code and a message. */
  error: z.object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RegistryImport = z.infer<typeof registryImportSchema>;

export const standingBodySetting = z.object({
  /** The unit whose People's Committee this standing body serves (one per authority). */
  unitId: z.uuid(),
  unitName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  /** null while the setting was never recorded. */
  version: z.number().int().nullable(),
});
export const standingBodyQuery = z.object({
  /** Whose standing body; by default the authority of the caller's first role. */
  unitId: z.uuid().optional(),
});
export const putStandingBodyBody = z.object({ agencyId: z.uuid(), version: version.nullable() });
