import type { Db, DatabaseKind } from '../../client.js';

/** What `npm run seed:scale` generates; every count is an option. */
export interface ScaleOptions {
  /** Provinces and centrally-run cities (34 after 2025). */
  provinces: number;
  /** Communes and wards in all, spread over the provinces (~3,321 after 2025). */
  communes: number;
  /** Years of plans and teams, ending with `lastYear`. */
  years: number;
  lastYear: number;
  /** Audit events spread over the years (the audit browser's table). */
  auditEvents: number;
  /** Password of every generated account. */
  password: string;
  /** The same seed gives the same data. */
  seed: number;
}

export function defaultScaleOptions(engine: DatabaseKind, today = new Date()): ScaleOptions {
  return {
    provinces: 34,
    communes: 3321,
    years: 10,
    lastYear: today.getUTCFullYear(),
    // Smaller on the embedded engine: a laptop's single connection, and a data directory on disk.
    auditEvents: engine === 'postgres' ? 1_000_000 : 200_000,
    password: 'scale-password-1',
    seed: 2025,
  };
}

export interface ProvinceIds {
  code: string;
  name: string;
  unitId: string;
  committeeId: string;
  homeAffairsId: string;
  departmentIds: string[];
  communes: CommuneIds[];
}

export interface CommuneIds {
  code: string;
  name: string;
  kind: 'ward' | 'commune';
  unitId: string;
  committeeId: string;
  officeIds: string[];
}

export interface UserRef {
  id: string;
  username: string;
  fullName: string;
}

/**
 * Shared by the generators in order: each reads what earlier ones made (ids, accounts) and adds
 * its own. A later module (inspections, reports, findings, actions, scores) adds one generator
 * to `scaleGenerators` and reads what it needs from here.
 */
export interface ScaleContext {
  db: Db;
  engine: DatabaseKind;
  options: ScaleOptions;
  rnd: () => number;
  log(message: string): void;
  registry: { rootUnitId: string; ministryId: string; provinces: ProvinceIds[]; unitIds: string[]; agencyIds: string[] };
  users: {
    all: UserRef[];
    nationalAdmin: UserRef;
    /** Per province code. */
    provinceAdmin: Map<string, UserRef>;
    provinceLeader: Map<string, UserRef>;
    provinceSecretariat: Map<string, UserRef[]>;
    provinceInspectors: Map<string, UserRef[]>;
    /** Per commune code. */
    communeOfficer: Map<string, UserRef>;
    communeLeader: Map<string, UserRef>;
  };
  plans: { ids: string[]; teamIds: string[] };
}

/** One module's share of the national-scale data; returns the rows it wrote, by table. */
export interface ScaleGenerator {
  name: string;
  run(ctx: ScaleContext): Promise<Record<string, number>>;
}
