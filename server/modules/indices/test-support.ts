import type { CriterionInput, FrameworkDetail } from '../../../shared/api/indices.schemas.js';
import type { makeAuthority } from '../../test/factories.js';
import type { Client } from '../../test/harness.js';

type Authority = Awaited<ReturnType<typeof makeAuthority>>;

/** A small commune framework: 2 areas, 10 points, four leaves (hand-checkable sums). */
export const smallTree: CriterionInput[] = [
  {
    code: '1',
    name: 'Chỉ đạo, điều hành',
    maxPoints: 4,
    children: [
      { code: '1.1', name: 'Kế hoạch CCHC', maxPoints: 1.5 },
      { code: '1.2', name: 'Báo cáo đúng hạn', maxPoints: 2.5 },
    ],
  },
  {
    code: '2',
    name: 'Cải cách TTHC',
    maxPoints: 6,
    children: [
      { code: '2.1', name: 'Công khai TTHC', maxPoints: 2 },
      { code: '2.2', name: 'Hồ sơ đúng hạn', maxPoints: 4, unmetBelow: 3 },
    ],
  },
];

export const frameworkBody = (a: Authority, extra: Record<string, unknown> = {}) => ({
  ownerAgencyId: a.townCommittee.id,
  code: `PAR-XA-${a.tag}`,
  name: `Bộ chỉ số CCHC cấp xã ${a.tag}`,
  kind: 'par',
  unitKinds: ['ward', 'commune'],
  fromYear: 2019,
  criteria: smallTree,
  ...extra,
});

async function ok<T>(res: { statusCode: number; body: string; json(): unknown }, what: string): Promise<T> {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** A published framework of the authority's town committee, made by its standing office. */
export async function publishedFramework(sec: Client, a: Authority, extra: Record<string, unknown> = {}): Promise<FrameworkDetail> {
  const draft = await ok<FrameworkDetail>(await sec.post('/api/index-frameworks', frameworkBody(a, extra)), 'create framework');
  return ok<FrameworkDetail>(await sec.post(`/api/index-frameworks/${draft.id}/publish`, { version: draft.version }), 'publish framework');
}

/** The leaf ids of a framework by code. */
export const leafIds = (f: FrameworkDetail): Record<string, string> => Object.fromEntries(f.criteria.map((c) => [c.code, c.id]));

/** Saves final points by leaf code on a unit's sheet (creating it; PATCH: other leaves kept as saved). */
export async function saveFinal(sec: Client, f: FrameworkDetail, unitId: string, year: number, points: Record<string, number>) {
  const ids = leafIds(f);
  const entries = Object.entries(points).map(([code, finalPoints]) => ({ criterionId: ids[code], finalPoints }));
  const current = (await sec.get(`/api/index-frameworks/${f.id}/sheets/${unitId}/${year}`)).json() as { version: number | null };
  return ok(await sec.patch(`/api/index-frameworks/${f.id}/sheets/${unitId}/${year}`, { version: current.version, entries }), 'save sheet');
}
