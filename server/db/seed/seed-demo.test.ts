import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsReportDto } from '../../../shared/api/results-reports.schemas.js';
import { loadConfig } from '../../config.js';
import { buildApp, type AppInstance } from '../../app.js';
import { queryRows, type Database } from '../client.js';
import { openPrivateDatabase, signIn } from '../../test/harness.js';
import { standingBodyOf } from '../../modules/registry/registry.repository.js';
import { bookedBetween } from '../../modules/inspections/inspections.repository.js';
import { issuerInfo } from '../../modules/document-register/issuer-header.js';
import { actorOf } from '../../test/factories.js';
import { seedDemo, type SeedResult } from './seed-demo.js';
import { DEMO_SEASON_AS_OF } from './demo-season.js';
import type { SubmissionContent, TemplateBody } from '../../../shared/api/reports.schemas.js';
import { tableCheckViolations } from '../../../shared/domain/report-checks.js';
import { tablesOf } from '../../modules/reports/submission-content.js';


let database: Database;
let dispose: () => Promise<void>;
let app: AppInstance;
let seeded: SeedResult;

beforeAll(async () => {
  ({ database, dispose } = await openPrivateDatabase());
  seeded = await seedDemo(database.db, {});
  const config = { ...loadConfig({ NODE_ENV: 'test', PAR_DATA_DIR: 'tmp/unused' }), webDistDir: '/nonexistent' };
  app = await buildApp({ config, database, version: 'test', logger: false });
});
afterAll(async () => {
  await app?.close();
  await dispose?.();
});

type UnitRow = { id: string; code: string; name: string; kind: string; valid_from: string | null; valid_to: string | null };
const unitsUnder = (parentCode: string) =>
  queryRows<UnitRow>(
    database.db,
    sql`select u.id, u.code, u.name, u.kind, u.valid_from::text, u.valid_to::text from unit u join unit p on p.id = u.parent_id where p.code = ${parentCode} order by u.code`,
  );

describe('seedDemo', () => {
  it('generates a readable password when none is given, and the accounts accept it', async () => {
    expect(seeded.seeded).toBe(true);
    expect(seeded.usernames).toEqual(['admin', 'leader', 'secretariat', 'inspector', 'unit', 'gialai', 'gialai-leader', 'bongson', 'tamquan']);
    expect(seeded.generatedPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const admin = await signIn(app, 'admin', seeded.generatedPassword!);
    expect(admin.username).toBe('admin');
  });

  it('loads thị xã Hoài Nhơn (2021) with its 11 phường and 6 xã, valid until the 2025 reorganisation', async () => {
    const [town] = await queryRows<UnitRow>(database.db, sql`select id, code, name, kind, valid_from::text, valid_to::text from unit where code = '543'`);
    expect(town).toMatchObject({ name: 'Hoài Nhơn', kind: 'town', valid_from: '2020-06-01', valid_to: '2025-06-30' });
    const wards = await unitsUnder('543');
    expect(wards).toHaveLength(17);
    expect(wards.filter((w) => w.kind === 'ward')).toHaveLength(11);
    expect(wards.filter((w) => w.kind === 'commune')).toHaveLength(6);
    expect(wards.every((w) => w.valid_to === '2025-06-30')).toBe(true);
    expect(wards.filter((w) => w.kind === 'ward').every((w) => w.valid_from === '2020-06-01')).toBe(true);
    expect(wards.map((w) => w.name)).toEqual(expect.arrayContaining(['Bồng Sơn', 'Tam Quan', 'Hoài Thanh Tây', 'Hoài Châu Bắc', 'Hoài Hải']));
    expect(wards.find((w) => w.name === 'Tam Quan')!.code).toBe('21637');
  });

  it('loads the 7 wards of Gia Lai after 1 July 2025, linked to their predecessors', async () => {
    const [gialai] = await queryRows<{ code: string }>(database.db, sql`select code from unit where name = 'Gia Lai' and kind = 'province'`);
    const wards = await unitsUnder(gialai.code);
    expect(wards).toHaveLength(7);
    expect(wards.every((w) => w.kind === 'ward' && w.valid_from === '2025-07-01' && w.valid_to === null)).toBe(true);

    const links = await queryRows<{ from_name: string; from_code: string; to_name: string; kind: string; effective_date: string }>(
      database.db,
      sql`select f.name as from_name, f.code as from_code, t.name as to_name, s.kind, s.effective_date::text
          from unit_succession s join unit f on f.id = s.from_unit_id join unit t on t.id = s.to_unit_id`,
    );
    expect(links).toHaveLength(8);
    expect(links.every((l) => l.kind === 'merged_into' && l.effective_date === '2025-07-01')).toBe(true);
    const to = (from: string) => links.filter((l) => l.from_name === from).map((l) => l.to_name);
    expect(to('Bình Định')).toEqual(['Gia Lai']);
    expect(to('Hoài Thanh Tây')).toEqual(['Hoài Nhơn']);
    expect(to('Hoài Tân')).toEqual(['Hoài Nhơn Nam']);
    expect(links.find((l) => l.from_name === 'Bồng Sơn')).toMatchObject({ from_code: 'DEMO-BONGSON', to_name: 'Bồng Sơn' });
  });

  it("sets a standing body per People's Committee: Phòng Nội vụ of Hoài Nhơn (2021), Sở Nội vụ of Gia Lai (after 2025)", async () => {
    const unitOf = async (code: string) => (await queryRows<{ id: string }>(database.db, sql`select id from unit where code = ${code}`))[0].id;
    const giaLai = await standingBodyOf(database.db, await unitOf('DEMO-GIALAI-2025'));
    const [province] = await queryRows<{ name: string }>(database.db, sql`select name from agency where id = ${giaLai}::uuid`);
    expect(province.name).toBe('Sở Nội vụ tỉnh Gia Lai');
    const id = await standingBodyOf(database.db, await unitOf('543'));
    const [row] = await queryRows<{ name: string; unit_code: string; doc_abbreviation: string }>(
      database.db,
      sql`select a.name, u.code as unit_code, a.doc_abbreviation from agency a join unit u on u.id = a.unit_id where a.id = ${id}::uuid`,
    );
    expect(row).toEqual({ name: 'Phòng Nội vụ', unit_code: '543', doc_abbreviation: 'NV' });
  });

  it('creates the demo users with their roles', async () => {
    const roles = await queryRows<{ username: string; role: string; agency: string }>(
      database.db,
      sql`select u.username, r.role, a.name as agency from app_user u join user_role r on r.user_id = u.id join agency a on a.id = r.agency_id order by u.username, a.name`,
    );
    const of = (username: string) => roles.filter((r) => r.username === username).map(({ role, agency }) => ({ role, agency }));
    expect(of('admin')).toEqual([{ role: 'admin', agency: 'Bộ Nội vụ' }]);
    expect(of('leader')).toEqual([{ role: 'leader', agency: 'Ủy ban nhân dân thị xã Hoài Nhơn' }]);
    expect(of('secretariat')).toEqual([{ role: 'secretariat', agency: 'Phòng Nội vụ' }]);
    expect(of('inspector')).toEqual([{ role: 'inspector', agency: 'Phòng Nội vụ' }]);
    expect(of('unit')).toEqual([{ role: 'unit_officer', agency: 'Ủy ban nhân dân phường Bồng Sơn' }]);
    expect(of('gialai')).toEqual([{ role: 'secretariat', agency: 'Sở Nội vụ tỉnh Gia Lai' }]);
    expect(of('bongson')).toEqual([{ role: 'secretariat', agency: 'Văn phòng HĐND và UBND phường Bồng Sơn' }]);
    expect(new Set(roles.map((r) => r.username))).toEqual(new Set(seeded.usernames));
  });

  it("names each demo account as its seat on a team: the inspector is the team's secretary, Bà Đặng Thị Mỹ Linh", async () => {
    const seats = await queryRows<{ username: string; user_name: string; seat_name: string }>(
      database.db,
      sql`select u.username, u.full_name as user_name, m.full_name as seat_name from inspection_team_member m join app_user u on u.id = m.user_id`,
    );
    expect(seats.length).toBeGreaterThan(0);
    for (const s of seats) expect(s.seat_name, s.username).toBe(s.user_name);
    expect(seats.find((s) => s.username === 'inspector')?.user_name).toBe('Đặng Thị Mỹ Linh');
  });

  it('lets the unit officer see phường Bồng Sơn, not Tam Quan', async () => {
    const unit = await signIn(app, 'unit', seeded.generatedPassword!);
    const codes = (await unit.get('/api/units?includeInactive=true')).json().items.map((u: { code: string }) => u.code);
    expect(codes).toContain('DEMO-BONGSON');
    expect(codes).toContain('543'); // its town, as an ancestor
    expect(codes).not.toContain('21637');
    const [tamQuan] = await queryRows<{ id: string }>(database.db, sql`select id from unit where code = '21637'`);
    expect((await unit.get(`/api/units/${tamQuan.id}`)).statusCode).toBe(404);
    const agencies = (await unit.get('/api/agencies')).json().items.map((a: { name: string }) => a.name);
    expect(agencies).toContain('Ủy ban nhân dân phường Bồng Sơn');
    expect(agencies).not.toContain('Ủy ban nhân dân phường Tam Quan');

    const secretariat = await signIn(app, 'secretariat', seeded.generatedPassword!);
    const search = await secretariat.get(`/api/units?q=${encodeURIComponent('hoai thanh tay')}`);
    expect(search.json().items.map((u: { name: string }) => u.name)).toEqual(['Hoài Thanh Tây']);
  });

  it('seeds the index frameworks and 2019–2021 demo scores of the 17 wards and communes, labelled demo', async () => {
    const secretariat = await signIn(app, 'secretariat', seeded.generatedPassword!);
    const frameworks = (await secretariat.get('/api/index-frameworks')).json().items as { id: string; code: string; revision: number; status: string; maxPoints: number; illustrative: boolean; leafCount: number }[];
    const byCode = (code: string, revision = 1) => frameworks.find((f) => f.code === code && f.revision === revision)!;
    expect(byCode('PAR-TINH')).toMatchObject({ status: 'published', maxPoints: 100, leafCount: 8, illustrative: false });
    // The ministry's draft revision exists only for who manages the ministry's frameworks (the national admin), not a town's office.
    expect(byCode('PAR-TINH', 2)).toBeUndefined();
    const admin = await signIn(app, 'admin', seeded.generatedPassword!);
    const ministry = (await admin.get('/api/index-frameworks')).json().items as typeof frameworks;
    expect(ministry.find((f) => f.code === 'PAR-TINH' && f.revision === 2)).toMatchObject({ status: 'draft', illustrative: true });
    expect(byCode('PAR-XA')).toMatchObject({ status: 'published', maxPoints: 100, illustrative: true });
    expect(byCode('SIPAS-XA')).toMatchObject({ status: 'published', leafCount: 5, illustrative: true });
    for (const year of [2019, 2020, 2021]) {
      for (const code of ['PAR-XA', 'SIPAS-XA']) {
        const results = (await secretariat.get(`/api/index-frameworks/${byCode(code).id}/results?year=${year}`)).json() as { items: { indexPct: number; origin: string; rank: number; peerCount: number }[] };
        expect(results.items).toHaveLength(17);
        expect(results.items.every((r) => r.origin === 'demo' && r.indexPct >= 55 && r.indexPct <= 100 && r.peerCount === 17)).toBe(true);
        expect(new Set(results.items.map((r) => r.indexPct)).size).toBeGreaterThan(10);
      }
    }
    const unit = await signIn(app, 'unit', seeded.generatedPassword!);
    const [bongSon] = await queryRows<{ id: string }>(database.db, sql`select id from unit where code = 'DEMO-BONGSON'`);
    const history = (await unit.get(`/api/units/${bongSon.id}/index-history`)).json().items as { year: number; kind: string; rank: number }[];
    expect(history.map((h) => `${h.year} ${h.kind}`)).toEqual(['2021 par', '2021 sipas', '2020 par', '2020 sipas', '2019 par', '2019 sipas']);
  });

  it('ranks the 17 wards and communes of Hoài Nhơn for 2021, each rank explained in Vietnamese', async () => {
    const leader = await signIn(app, 'leader', seeded.generatedPassword!);
    const [town] = await queryRows<{ id: string }>(database.db, sql`select id from unit where code = '543'`);
    const ranking = (await leader.get(`/api/risk-ranking?parentUnitId=${town.id}&year=2021`)).json() as { items: { rank: number; unitName: string; explanation: { vi: string }; targetAgencyId: string | null }[]; parFramework: { illustrative: boolean } };
    expect(ranking.items).toHaveLength(17);
    expect(ranking.parFramework.illustrative).toBe(true);
    expect(ranking.items[0].rank).toBe(1);
    if (process.env.SHOW_RANKING) console.log(ranking.items.map((i) => i.explanation.vi).join("\n"));
    expect(ranking.items.every((i) => /^Hạng \d+ \(điểm rủi ro [\d,]+\): /.test(i.explanation.vi) && /chỉ số CCHC [\d,]+%/.test(i.explanation.vi) && /SIPAS [\d,]+%/.test(i.explanation.vi) && i.targetAgencyId)).toBe(true);
    // The weaker demo units come out on top.
    expect(ranking.items.slice(0, 5).map((i) => i.unitName)).toEqual(expect.arrayContaining(['Hoài Hải']));
  });

  it('fills the leaders’ dashboard for 2021 and has the office’s draft results report with the same figures', async () => {
    const leader = await signIn(app, 'leader', seeded.generatedPassword!);
    const d = (await leader.get('/api/dashboard?year=2021')).json() as { unit: { name: string }; inspections: { total: number }; indices: { kind: string; units: unknown[]; trend: { year: number }[]; average: number | null }[] };
    expect(d.unit.name).toBe('Hoài Nhơn');
    expect(d.inspections.total).toBeGreaterThan(10);
    for (const s of d.indices) {
      expect(s.units).toHaveLength(17);
      expect(s.trend.map((t) => t.year)).toEqual([2019, 2020, 2021]);
    }
    const reports = (await leader.get('/api/results-reports?year=2021')).json() as { items: { id: string; status: string }[] };
    expect(reports.items.map((r) => r.status)).toEqual(['draft']);
    const report = (await leader.get(`/api/results-reports/${reports.items[0].id}`)).json() as ResultsReportDto;
    expect(report.figures.indices.map((s) => s.average)).toEqual(d.indices.map((s) => s.average));
    // What the report names from the season (the data writes it into the document): units inspected by kind, conclusions issued.
    // Only visits that took place are named: the unannounced visit not yet begun (secret) and the re-inspection still ahead are not.
    expect(report.figures.facts?.inspectedByKind.map((k) => [k.kind, k.agencies.length])).toEqual([['announced', 12], ['unannounced', 1]]);
    expect(report.figures.facts?.conclusionsIssued).toBeGreaterThan(0);
    // The office's texts carry no figure that could go stale.
    expect(report.content.strengths).not.toMatch(/\d+(,\d+)?%/);
  });

  it('numbers every register in the order of its dates (Decree 30 Điều 15: a later number is never of an earlier date)', async () => {
    const inversions = await queryRows<{ agency: string; earlier: string; later: string }>(
      database.db,
      sql`select a.name as agency, e1.number || '/' || e1.symbol || ' ' || e1.issued_on as earlier, e2.number || '/' || e2.symbol || ' ' || e2.issued_on as later
          from document_register_entry e1
          join document_register_entry e2 on e2.agency_id = e1.agency_id and e2.year = e1.year and e2.number > e1.number and e2.issued_on < e1.issued_on
          join agency a on a.id = e1.agency_id`,
    );
    expect(inversions).toEqual([]);
    const office = await queryRows<{ label: string }>(
      database.db,
      sql`select e.number || '/' || e.symbol || ' ' || e.issued_on as label from document_register_entry e join agency a on a.id = e.agency_id where a.name = 'Phòng Nội vụ' and e.year = 2021 and e.symbol <> 'BB-NV' order by e.number`,
    );
    // The standing office's notices and its proposal, between the minutes of the visits.
    expect(office.map((r) => r.label)).toEqual(['1/TB-NV 2021-05-20', '8/TB-NV 2021-08-16', '15/TTr-NV 2021-10-21']);
  });

  it('lives in the 2021 season: a dozen announced visits held under two notices, two unannounced visits to one-stop desks, a re-inspection', async () => {
    const secretariat = await signIn(app, 'secretariat', seeded.generatedPassword!);
    const all = (await secretariat.get('/api/inspections?from=2021-01-01&to=2021-12-31')).json() as { items: { id: string; kind: string; status: string; places: { kind: string }[] }[]; total: number };
    const count = (kind: string, status?: string) => all.items.filter((i) => i.kind === kind && (!status || i.status === status)).length;
    expect(count('announced')).toBe(12);
    // All held by the demo's date (DEMO_SEASON_AS_OF, after the last one on 27/10).
    expect(count('announced', 'closed')).toBe(12);
    expect(all.items.filter((i) => i.kind === 'unannounced').map((i) => [i.status, i.places[0].kind])).toEqual([
      ['under_way', 'one_stop_desk'],
      ['planned', 'one_stop_desk'],
    ]);
    expect(count('reinspection')).toBe(1);
    // Every announced visit has its issued notice: of 20/5 for June to mid-August, of 16/8 for the rest.
    // Without a plan: the latest first.
    const notices = (await secretariat.get('/api/inspection-notices')).json().items as { documentNumber: string; issuedOn: string; items: { inspectionId: string }[] }[];
    expect(notices.map((n) => [n.documentNumber, n.issuedOn, n.items.length])).toEqual([
      // The office's register numbers the minutes of June to mid-August (02–07/BB-NV) before it.
      ['08/TB-NV', '2021-08-16', 6],
      ['01/TB-NV', '2021-05-20', 6],
    ]);
    const noticed = new Set(notices.flatMap((n) => n.items.map((i) => i.inspectionId)));
    expect(all.items.filter((i) => i.kind === 'announced').every((i) => noticed.has(i.id))).toBe(true);
    // The demo inspector is on the team: they see the secret visit too; the unit officer never does.
    const inspector = await signIn(app, 'inspector', seeded.generatedPassword!);
    expect((await inspector.get('/api/inspections?kind=unannounced')).json().total).toBe(2);
    const unit = await signIn(app, 'unit', seeded.generatedPassword!);
    expect((await unit.get('/api/inspections?kind=unannounced&status=planned')).json().total).toBe(0);
    // The demo unit (phường Bồng Sơn) reads the notice of its June visit, with its report deadline.
    const unitNotices = (await unit.get('/api/inspection-notices')).json().items as { documentNumber: string; items: { agencyName: string; startsOn: string; reportDueOn: string; reportDueExplanation: string }[] }[];
    expect(unitNotices.map((n) => n.documentNumber)).toContain('01/TB-NV');
    const june = unitNotices.flatMap((n) => n.items).find((i) => i.startsOn.startsWith('2021-06'));
    expect(june).toMatchObject({ agencyName: 'Ủy ban nhân dân phường Bồng Sơn', reportDueOn: expect.stringMatching(/^2021-06-0/) });
    expect(june!.reportDueExplanation).toMatch(/03 ngày làm việc trước ngày kiểm tra/);
  });

  it('is a season a real office could have had by the demo’s date: nobody booked twice on a day, no past announced visit still waiting to start', async () => {
    // A team, or a person (by account, else by name) on two teams, with two visits on one day — across the whole demo.
    const doubles = await queryRows<{ who: string; day: string; n: number }>(
      database.db,
      sql`select b.who, b.day::text, count(distinct b.inspection_id)::int as n
            from (select i.id as inspection_id, d::date as day, 'team ' || i.team_id::text as who
                    from inspection i, generate_series(i.starts_on, i.ends_on, interval '1 day') d where i.status <> 'cancelled'
                  union all
                  select i.id, d::date, 'person ' || coalesce(m.user_id::text, m.full_name)
                    from inspection i join inspection_team_member m on m.team_id = i.team_id, generate_series(i.starts_on, i.ends_on, interval '1 day') d
                   where i.status <> 'cancelled') b
           group by b.who, b.day having count(distinct b.inspection_id) > 1`,
    );
    expect(doubles).toEqual([]);
    // Relative to the day the 2021 demo is "as of": what is before it has happened, what is after it has not begun.
    const stale = await queryRows<{ kind: string; starts_on: string; status: string }>(
      database.db,
      sql`select i.kind, i.starts_on::text, i.status from inspection i join inspection_plan p on p.id = i.plan_id
           where p.year = 2021 and ((i.starts_on < ${DEMO_SEASON_AS_OF} and i.status in ('planned', 'notified') and i.kind <> 'unannounced')
                                 or (i.starts_on >= ${DEMO_SEASON_AS_OF} and i.status in ('under_way', 'closed')))`,
    );
    expect(stale).toEqual([]);
    const [{ open }] = await queryRows<{ open: number }>(
      database.db,
      sql`select count(*)::int as open from inspection i join inspection_plan p on p.id = i.plan_id where p.year = 2021 and i.kind = 'announced' and i.starts_on < ${DEMO_SEASON_AS_OF} and i.started_at is null`,
    );
    expect(open).toBe(0);
  });

  it('has the season’s checklists filled on site, with photos and findings of each kind, for every inspection started or closed', async () => {
    const rows = await queryRows<{ status: string; checklists: number; answered: number; photos: number; kinds: string[] }>(
      database.db,
      sql`select i.status, count(distinct c.id)::int as checklists,
                 count(distinct it.id) filter (where it.edited_at is not null)::int as answered,
                 count(distinct e.id) filter (where e.kind = 'photo')::int as photos,
                 array_remove(array_agg(distinct f.kind), null) as kinds
            from inspection i
            join inspection_plan p on p.id = i.plan_id and p.year = 2021
            left join inspection_checklist c on c.inspection_id = i.id
            left join inspection_checklist_item it on it.checklist_id = c.id
            left join checklist_evidence e on e.item_id = it.id
            left join finding f on f.inspection_id = i.id
           where i.status in ('under_way', 'closed')
           group by i.id, i.status`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.checklists === 1 && r.answered > 0 && r.photos > 0)).toBe(true);
    expect(new Set(rows.flatMap((r) => r.kinds))).toEqual(new Set(['good_practice', 'shortcoming', 'violation']));
    expect(await queryRows(database.db, sql`select 1 from checklist_template where status = 'published'`)).toHaveLength(2);
    // The office browses the good practices; the photo of one is served.
    const secretariat = await signIn(app, 'secretariat', seeded.generatedPassword!);
    const library = (await secretariat.get('/api/good-practices?year=2021')).json();
    expect(library.total).toBeGreaterThanOrEqual(2);
    // Each its own, not one text copied across wards.
    const practices = (await queryRows<{ text: string }>(database.db, sql`select f.text from finding f join inspection i on i.id = f.inspection_id join inspection_plan p on p.id = i.plan_id where f.kind = 'good_practice' and p.year = 2021`)).map((r) => r.text);
    expect(practices.length).toBeGreaterThanOrEqual(2);
    expect(new Set(practices).size).toBe(practices.length);
    const photo = library.items.flatMap((g: { photoUrls: string[] }) => g.photoUrls)[0];
    expect((await secretariat.get(photo)).headers['content-type']).toBe('image/png');
  });

  it('has signed minutes for every visit that has begun: final, numbered BB, with the signed scan; the unit reads its own', async () => {
    const rows = await queryRows<{ begun: number; minutes: number; final: number; scans: number }>(
      database.db,
      sql`select (select count(*)::int from inspection where status in ('under_way','closed') and plan_id in (select i.plan_id from inspection_minutes m join inspection i on i.id = m.inspection_id)) as begun, (select count(*)::int from inspection_minutes) as minutes,
                 (select count(*)::int from inspection_minutes m join issued_document d on d.register_entry_id = m.register_entry_id where m.status = 'final') as final,
                 (select count(distinct owner_id)::int from file_attachment where owner_type = 'inspection_minutes' and purpose = 'signed_scan') as scans`,
    );
    expect(rows[0].begun).toBeGreaterThan(0);
    expect(rows[0]).toEqual({ begun: rows[0].begun, minutes: rows[0].begun, final: rows[0].begun, scans: rows[0].begun });
    const unit = await signIn(app, 'unit', seeded.generatedPassword!);
    const visits = (await unit.get('/api/inspections?from=2021-01-01&to=2021-12-31')).json().items as { id: string; status: string }[];
    const begun = visits.filter((v) => v.status === 'under_way' || v.status === 'closed');
    expect(begun.length).toBeGreaterThan(0);
    const minutes = (await unit.get(`/api/minutes?inspectionId=${begun[0].id}`)).json().items as { id: string; documentNumber: string; signedScans: unknown[] }[];
    expect(minutes).toHaveLength(1);
    expect(minutes[0].documentNumber).toMatch(/^\d{2}\/BB-/);
    expect(minutes[0].signedScans).toHaveLength(1);
    expect((await unit.get(`/api/documents/minutes/${minutes[0].id}.docx`)).statusCode).toBe(200);
  });

  it('follows up the season: an issued conclusion of Bồng Sơn with actions in every state (two on the re-inspection), a draft, an escalation — seen by the unit', async () => {
    const actions = await queryRows<{ status: string; on_reinspection: boolean; evidence: number }>(
      database.db,
      sql`select a.status, a.reinspection_id is not null as on_reinspection, (select count(*)::int from file_attachment f where f.owner_type = 'corrective_action' and f.owner_id = a.id) as evidence
            from corrective_action a join inspection_conclusion c on c.id = a.conclusion_id join inspection i on i.id = c.inspection_id join inspection_plan p on p.id = i.plan_id
           where c.status = 'issued' and p.year = 2021 order by a.position`,
    );
    expect(actions.map((a) => a.status)).toEqual(['closed', 'reported', 'in_progress', 'open']);
    expect(actions.map((a) => a.on_reinspection)).toEqual([false, false, true, true]);
    expect(actions[0].evidence).toBe(1);
    const [counts] = await queryRows<{ drafts: number; escalations: number; on_reinspection: number }>(
      database.db,
      sql`select (select count(*)::int from inspection_conclusion c join inspection i on i.id = c.inspection_id join inspection_plan p on p.id = i.plan_id where c.status = 'draft' and p.year = 2021) as drafts,
                (select count(*)::int from escalation e join inspection i on i.id = e.inspection_id join inspection_plan p on p.id = i.plan_id where e.status = 'accepted' and e.register_entry_id is not null and p.year = 2021) as escalations,
                (select count(*)::int from corrective_action a join inspection r on r.id = a.reinspection_id join inspection_plan p on p.id = r.plan_id where r.kind = 'reinspection' and p.year = 2021) as on_reinspection`,
    );
    // The 2021 re-inspection is built from the conclusion's open actions, as the office's button does.
    expect(counts).toEqual({ drafts: 1, escalations: 1, on_reinspection: 2 });
    const [linked] = await queryRows<{ findings: number }>(database.db, sql`select coalesce(sum(cardinality(e.finding_ids)), 0)::int as findings from escalation e join inspection i on i.id = e.inspection_id join inspection_plan p on p.id = i.plan_id where p.year = 2021`);
    expect(linked.findings).toBeGreaterThan(0);
    // Signed by the head of Phòng Nội vụ whom the plan names (Bà Trần Thị Thu Hà), not the team's leader, a Vice-Chairman.
    const signers = await queryRows<{ signer: string }>(database.db, sql`select e.content->'signature'->>'signerName' as signer from escalation e join inspection i on i.id = e.inspection_id join inspection_plan p on p.id = i.plan_id where p.year = 2021`);
    expect(signers).toEqual([{ signer: 'Trần Thị Thu Hà' }]);
    const unit = await signIn(app, 'unit', seeded.generatedPassword!);
    const list = (await unit.get('/api/conclusions')).json();
    expect(list.items.map((c: { status: string; agencyName: string }) => [c.status, c.agencyName])).toEqual([['issued', 'Ủy ban nhân dân phường Bồng Sơn']]);
    const doc = await unit.get(`/api/documents/conclusion/${list.items[0].id}.docx`);
    expect(doc.statusCode).toBe(200);
    const board = (await unit.get('/api/corrective-actions/board?year=2021')).json();
    expect(board.total).toMatchObject({ closed: 1, overdue: 2 }); // the reported one awaits review: not overdue
  });

  it('keeps the register of tasks the committee assigned in 2021, some overdue, each seen by its owner', async () => {
    const secretariat = await signIn(app, 'secretariat', seeded.generatedPassword!);
    const all = (await secretariat.get('/api/assigned-tasks')).json() as { total: number; counts: { open: number; overdue: number; completed: number }; items: { timeliness: string }[] };
    expect(all.total).toBe(14);
    expect(all.counts.overdue).toBeGreaterThanOrEqual(5);
    expect(all.items.map((i) => i.timeliness)).toEqual(expect.arrayContaining(['overdue', 'done_on_time', 'done_late', 'no_deadline']));
    const unit = await signIn(app, 'unit', seeded.generatedPassword!);
    const own = (await unit.get('/api/assigned-tasks')).json() as { items: { id: string; ownerAgencyName: string; status: string }[] };
    expect(own.items.map((i) => [i.ownerAgencyName, i.status]).sort()).toEqual([
      ['Ủy ban nhân dân phường Bồng Sơn', 'completed'],
      ['Ủy ban nhân dân phường Bồng Sơn', 'in_progress'],
    ]);
    // The owner can still report on the open one (the demo's "owner updates status").
    const open = (await unit.get(`/api/assigned-tasks/${own.items.find((i) => i.status === 'in_progress')!.id}`)).json() as { abilities: { report: boolean; moves: string[] } };
    expect(open.abilities).toMatchObject({ report: true, moves: expect.arrayContaining(['complete']) });
  });

  it('has the standard report templates, the periodic regime, Q2 and 6-month requests of 2021 with reports in every status, and pre-visit reports of the notified visits', async () => {
    const secretariat = await signIn(app, 'secretariat', seeded.generatedPassword!);
    const templates = (await secretariat.get('/api/report-templates')).json() as { items: { code: string; kind: string; status: string; body: { items: { type: string; key: string; columns?: { key: string }[] }[] } }[] };
    expect(templates.items.map((t) => [t.kind, t.status]).sort()).toEqual([['periodic', 'published'], ['pre_visit', 'published'], ['self_inspection', 'published']]);
    const preVisit = templates.items.find((t) => t.kind === 'pre_visit')!;
    expect(preVisit.body.items.find((i) => i.key === 'assigned_tasks')!.columns!.map((c) => c.key)).toEqual(['task', 'source', 'deadline', 'status']);
    const periodic = templates.items.find((t) => t.kind === 'periodic')!;
    expect(periodic.body.items.filter((i) => i.type === 'table').length).toBeGreaterThanOrEqual(5);
    const rules = (await secretariat.get('/api/report-period-rules')).json() as { items: { code: string }[] };
    expect(rules.items.map((r) => r.code).sort()).toEqual(['H1', 'Q1', 'Q2', 'Q3', 'Y']);

    const requests = (await secretariat.get('/api/report-requests?year=2021')).json() as { items: { id: string; kind: string; title: string; dueOn: string; counts: Record<string, number> }[] };
    const periodicRequests = requests.items.filter((r) => r.kind === 'periodic');
    expect(periodicRequests.map((r) => r.title).sort()).toEqual(['Báo cáo CCHC 6 tháng đầu năm 2021', 'Báo cáo CCHC quý II năm 2021']);
    for (const r of periodicRequests) expect(r.dueOn).toBe('2021-06-20');
    const statuses = new Set(periodicRequests.flatMap((r) => Object.entries(r.counts).filter(([, n]) => n > 0).map(([s]) => s)));
    expect([...statuses].sort()).toEqual(['accepted', 'draft', 'not_started', 'returned', 'submitted_late', 'submitted_on_time']);

    const notices = (await secretariat.get('/api/inspection-notices')).json().items as { items: unknown[] }[];
    const preVisits = requests.items.filter((r) => r.kind === 'pre_visit');
    // One pre-visit request per visit of the notice of 16/8 (the visits still ahead).
    expect(preVisits).toHaveLength(notices[0].items.length);
    expect(preVisits.every((r) => r.counts.not_started + r.counts.draft + r.counts.submitted_on_time + r.counts.submitted_late + r.counts.returned + r.counts.accepted === 1)).toBe(true);

    // The demo unit officer: the Q2 report accepted, the 6-month one returned with reasons to resubmit.
    const unit = await signIn(app, 'unit', seeded.generatedPassword!);
    const mine = (await unit.get('/api/report-submissions?mine=true')).json() as { items: { agencyName: string; displayStatus: string; returnReason: string | null; requestId: string }[] };
    expect(mine.items.every((s) => s.agencyName === 'Ủy ban nhân dân phường Bồng Sơn')).toBe(true);
    expect(mine.items.map((s) => s.displayStatus)).toEqual(expect.arrayContaining(['accepted', 'returned']));
    expect(mine.items.find((s) => s.displayStatus === 'returned')!.returnReason).toMatch(/Biểu 3/);
    // The unit sees its own requests only.
    const unitRequests = (await unit.get('/api/report-requests')).json().items as { id: string }[];
    expect(new Set(unitRequests.map((r) => r.id))).toEqual(new Set(mine.items.map((s) => s.requestId)));
    const detail = (await unit.get(`/api/report-submissions/${(await unit.get('/api/report-submissions?mine=true&status=returned')).json().items[0].id}`)).json() as { history: { action: string }[]; content: { tables: Record<string, unknown[]> } };
    expect(detail.history.map((h) => h.action)).toEqual(expect.arrayContaining(['submitted', 'returned']));
    expect(detail.content.tables.dossiers).toHaveLength(5);
  });

  it("has report figures a ward could have sent: every 2021 report within its template's checks (a part at most its whole), and so the compiled Q2 totals", async () => {
    const rows = await queryRows<{ title: string; agency: string; body: TemplateBody; content: SubmissionContent; status: string }>(
      database.db,
      sql`select r.title, a.name as agency, t.body, s.content, s.status
            from report_submission s join report_request r on r.id = s.request_id join report_template t on t.id = r.template_id join agency a on a.id = s.agency_id
           where extract(year from r.due_on) = 2021`,
    );
    expect(rows.length).toBeGreaterThan(20);
    const broken = rows.flatMap((r) => tablesOf(r.body).flatMap((t) => tableCheckViolations(t, r.content.tables[t.key] ?? []).map((v) => `${r.title} / ${r.agency} / ${t.key}.${v.row}.${v.column}: ${v.sum} > ${v.limit}`)));
    expect(broken).toEqual([]);
    // The periodic template declares the checks the official tables imply.
    const periodic = rows.find((r) => r.title === 'Báo cáo CCHC quý II năm 2021')!.body;
    const checks = Object.fromEntries(tablesOf(periodic).map((t) => [t.key, t.checks ?? []]));
    expect(checks.dossiers).toEqual(expect.arrayContaining([{ across: 'columns', parts: ['online'], whole: 'received' }]));
    expect(checks.online_services).toEqual([{ across: 'columns', parts: ['with_dossiers'], whole: 'services' }]);
    // Q2 compiled: the sums of the accepted reports keep every part within its whole (216 services with dossiers of 166 before).
    const accepted = rows.filter((r) => r.title === 'Báo cáo CCHC quý II năm 2021' && r.status === 'accepted');
    expect(accepted.length).toBeGreaterThan(2);
    for (const t of tablesOf(periodic)) {
      const summed = (t.fixedRows ?? []).map((_, i) => {
        const out: Record<string, number> = {};
        for (const c of t.columns) if (c.type === 'integer') out[c.key] = accepted.reduce((n, r) => n + Number(r.content.tables[t.key]?.[i]?.[c.key] ?? 0), 0);
        return out;
      });
      expect(tableCheckViolations(t, summed), t.key).toEqual([]);
    }
    const services = accepted.map((r) => r.content.tables.online_services[0]);
    for (const s of services) expect(Number(s.with_dossiers)).toBeLessThanOrEqual(Number(s.services));
  });

  describe('Gia Lai after 2025: the province and its wards run their own 2026 cycles (M23)', () => {
    type PlanItem = { id: string; year: number; status: string; issuingAgencyName: string; numberLabel?: string | null };
    const plansOf = async (username: string) => {
      const who = await signIn(app, username, seeded.generatedPassword!);
      const items = (await who.get('/api/plans?year=2026')).json().items as PlanItem[];
      return { who, items };
    };

    it('gives each ward its own standing body: its Văn phòng HĐND và UBND', async () => {
      const [ward] = await queryRows<{ id: string }>(database.db, sql`select id from unit where code = 'DEMO-2025-BONGSON'`);
      const [row] = await queryRows<{ name: string }>(database.db, sql`select name from agency where id = ${await standingBodyOf(database.db, ward.id)}::uuid`);
      expect(row.name).toBe('Văn phòng HĐND và UBND phường Bồng Sơn');
    });

    it("shows each authority its own plans, and the province its wards' by scope", async () => {
      const province = await plansOf('gialai');
      expect(province.items.map((p) => `${p.issuingAgencyName}: ${p.status}`).sort()).toEqual([
        'Ủy ban nhân dân phường Bồng Sơn: issued',
        'Ủy ban nhân dân phường Tam Quan: draft',
        'Ủy ban nhân dân tỉnh Gia Lai: issued',
      ]);
      const bongSon = await plansOf('bongson');
      expect(bongSon.items.map((p) => p.issuingAgencyName)).toEqual(['Ủy ban nhân dân phường Bồng Sơn']);
      const tamQuan = await plansOf('tamquan');
      expect(tamQuan.items.map((p) => p.issuingAgencyName)).toEqual(['Ủy ban nhân dân phường Tam Quan']);
      // Neither ward opens the other's plan, nor the province's; Hoài Nhơn's office sees none of 2026.
      const other = province.items.find((p) => p.issuingAgencyName.endsWith('Tam Quan'))!;
      expect((await bongSon.who.get(`/api/plans/${other.id}`)).statusCode).toBe(404);
      const provincePlan = province.items.find((p) => p.issuingAgencyName.endsWith('Gia Lai'))!;
      expect((await tamQuan.who.get(`/api/plans/${provincePlan.id}`)).statusCode).toBe(404);
      expect((await plansOf('secretariat')).items).toEqual([]);
      // And the 2026 offices see nothing of Hoài Nhơn's 2021 cycle.
      const hoaiNhon = await signIn(app, 'secretariat', seeded.generatedPassword!);
      const plan2021 = ((await hoaiNhon.get('/api/plans?year=2021')).json().items as PlanItem[])[0];
      expect((await province.who.get(`/api/plans/${plan2021.id}`)).statusCode).toBe(404);
      expect((await province.who.get('/api/plans?year=2021')).json().items).toEqual([]);
    });

    it("lets the province's standing office, Sở Nội vụ (no parent agency), issue the province's notice as its office (issue 8 review)", async () => {
      const gialai = await signIn(app, 'gialai', seeded.generatedPassword!);
      const [office] = await queryRows<{ id: string; parent: string | null }>(database.db, sql`select id, parent_agency_id as parent from agency where name = 'Sở Nội vụ tỉnh Gia Lai'`);
      expect(office.parent).toBeNull();
      const plan = ((await gialai.get('/api/plans?year=2026')).json().items as PlanItem[]).find((p) => p.issuingAgencyName.endsWith('Gia Lai'))!;
      const visits = (await gialai.get(`/api/inspections?planId=${plan.id}&kind=announced&status=planned`)).json().items as { id: string }[];
      expect(visits.length).toBeGreaterThan(0);
      const res = await gialai.post('/api/inspection-notices', { planId: plan.id, issuingAgencyId: office.id, items: [{ inspectionId: visits[0].id }] });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().content.signature).toMatchObject({ authority: 'TL. CHỦ TỊCH' });
      // Decree 30 header: the Sở prints under its People's Committee although it has no parent agency.
      expect(await issuerInfo(database.db, office.id)).toMatchObject({ body: { parent: 'UBND TỈNH GIA LAI', name: 'SỞ NỘI VỤ TỈNH GIA LAI' } });
      // Another province's or a ward's office is still refused.
      const [ward] = await queryRows<{ id: string }>(database.db, sql`select id from agency where name = 'Văn phòng HĐND và UBND phường Bồng Sơn'`);
      const refused = await gialai.post('/api/inspection-notices', { planId: plan.id, issuingAgencyId: ward.id, items: [{ inspectionId: visits[0].id }] });
      expect(refused.json().invalidParams?.[0]).toMatchObject({ name: 'body.issuingAgencyId', code: 'not_under_plan_issuer' });
    });

    it("keeps each ward's inspections to itself, and the province's unannounced visit secret", async () => {
      const list = async (username: string) => {
        const who = await signIn(app, username, seeded.generatedPassword!);
        return (await who.get('/api/inspections?pageSize=500')).json().items as { agencyName: string; kind: string; status: string; startsOn: string }[];
      };
      const bongSon = await list('bongson');
      // Its own four visits (the province's visit to the ward is the province's record: the ward's
      // unit officers see it as the inspected unit, its standing office does not run it).
      expect(bongSon.map((i) => i.agencyName).sort()).toEqual([
        'Phòng Kinh tế, Hạ tầng và Đô thị phường Bồng Sơn',
        'Phòng Văn hóa – Xã hội phường Bồng Sơn',
        'Trung tâm Phục vụ hành chính công phường Bồng Sơn',
        'Văn phòng HĐND và UBND phường Bồng Sơn',
      ]);
      const tamQuan = await list('tamquan');
      expect(tamQuan.map((i) => i.agencyName)).toEqual([]);
      const province = await list('gialai');
      expect(province.filter((i) => i.kind === 'unannounced').map((i) => i.agencyName).sort()).toEqual([
        'Trung tâm Phục vụ hành chính công phường Bồng Sơn',
        'Trung tâm Phục vụ hành chính công tỉnh Gia Lai',
      ]);
      expect((await list('secretariat')).filter((i) => i.startsOn >= '2026-01-01')).toEqual([]);
    });

    it("checks a ward's schedule against the province's visits without naming them, and without its secret one", async () => {
      const actorFor = async (username: string) => {
        const [user] = await queryRows<{ id: string; username: string; fullName: string }>(database.db, sql`select id, username, full_name as "fullName" from app_user where username = ${username}`);
        return actorOf(database.db, user);
      };
      const booked = async (username: string) =>
        (await bookedBetween(database.db, await actorFor(username), '2026-12-01', '2026-12-31')).map((b) => `${b.agencyName} ${b.kind} ${b.hidden ? 'hidden' : 'named'}`).sort();
      expect(await booked('bongson')).toEqual([
        'Sở Tài chính tỉnh Gia Lai announced hidden',
        'Văn phòng HĐND và UBND phường Bồng Sơn announced named',
      ]);
      expect(await booked('gialai')).toEqual([
        'Sở Tài chính tỉnh Gia Lai announced named',
        'Trung tâm Phục vụ hành chính công tỉnh Gia Lai unannounced named',
        'Văn phòng HĐND và UBND phường Bồng Sơn announced named',
      ]);
    });

    it('has notified the ward office of its visit of 03/12 in time: a notice issued, its report asked, no late-notice warning (rev8b #9)', async () => {
      const bongson = await signIn(app, 'bongson', seeded.generatedPassword!);
      const [visit] = ((await bongson.get('/api/inspections?from=2026-12-03&to=2026-12-03')).json().items as { id: string; agencyName: string; status: string; reportDueOn: string | null; warnings: { code: string }[] }[]).filter((i) => i.agencyName === 'Văn phòng HĐND và UBND phường Bồng Sơn');
      expect(visit).toMatchObject({ status: 'notified', reportDueOn: '2026-11-30' });
      expect(visit.warnings.map((w) => w.code)).not.toContain('short_lead_time');
      const notices = (await bongson.get('/api/inspection-notices')).json().items as { status: string; issuedOn: string; items: { inspectionId: string }[] }[];
      expect(notices.filter((n) => n.items.some((i) => i.inspectionId === visit.id)).map((n) => [n.status, n.issuedOn])).toEqual([['issued', '2026-11-16']]);
      const asked = (await bongson.get('/api/report-requests?kind=pre_visit')).json().items as { inspectionId: string; dueOn: string; status: string }[];
      expect(asked.filter((r) => r.inspectionId === visit.id).map((r) => [r.dueOn, r.status])).toEqual([['2026-11-30', 'open']]);
    });

    it("numbers each authority's documents in its own register", async () => {
      const rows = await queryRows<{ agency: string; label: string }>(
        database.db,
        sql`select a.name as agency, e.number || '/' || e.symbol as label from document_register_entry e join agency a on a.id = e.agency_id where e.year = 2026 order by a.name, e.number`,
      );
      expect(rows).toEqual([
        { agency: 'Ủy ban nhân dân phường Bồng Sơn', label: '8/KH-UBND' },
        { agency: 'Ủy ban nhân dân phường Bồng Sơn', label: '21/QĐ-UBND' },
        { agency: 'Ủy ban nhân dân phường Bồng Sơn', label: '22/TB-UBND' },
        { agency: 'Ủy ban nhân dân tỉnh Gia Lai', label: '12/KH-UBND' },
        { agency: 'Ủy ban nhân dân tỉnh Gia Lai', label: '245/QĐ-UBND' },
      ]);
    });
  });

  it("has the units' 2021 self-inspection plans: Bồng Sơn's with results, Tam Quan's without; the unit sees its own", async () => {
    const secretariat = await signIn(app, 'secretariat', seeded.generatedPassword!);
    const overview = (await secretariat.get('/api/self-inspections/overview?year=2021')).json() as { units: { agencyName: string; hasPlan: boolean; hasResults: boolean }[]; totals: Record<string, number> };
    expect(overview.totals).toMatchObject({ withPlan: 2, withResults: 1, shortcomings: 4, fixed: 3 });
    expect(overview.units.find((u) => u.agencyName === 'Ủy ban nhân dân phường Tam Quan')).toMatchObject({ hasPlan: true, hasResults: false });
    expect(overview.units.length).toBeGreaterThan(17);
    const unit = await signIn(app, 'unit', seeded.generatedPassword!);
    const own = (await unit.get('/api/self-inspections')).json() as { items: { agencyName: string; status: string }[] };
    expect(own.items).toEqual([expect.objectContaining({ agencyName: 'Ủy ban nhân dân phường Bồng Sơn', status: 'reported' })]);
  });

  it('has two difficulties raised in 2021: Hoài Sơn’s forwarded and answered, Bồng Sơn’s open; the unit sees its own', async () => {
    const secretariat = await signIn(app, 'secretariat', seeded.generatedPassword!);
    const all = (await secretariat.get('/api/difficulties?year=2021')).json() as { items: { agencyName: string; status: string; responseWorkingDays: number | null }[]; counts: { open: number; answered: number } };
    expect(all.counts).toMatchObject({ open: 1, answered: 1 });
    expect(all.items.map((d) => [d.agencyName, d.status])).toEqual([
      ['Ủy ban nhân dân phường Bồng Sơn', 'raised'],
      ['Ủy ban nhân dân xã Hoài Sơn', 'answered'],
    ]);
    expect(all.items[1].responseWorkingDays).toBe(6);
    // The open one is no "1,300 working days waiting" when the 2021 demo is opened years later.
    const open = (await secretariat.get('/api/difficulties?year=2021&status=raised')).json().items[0] as { waitingWorkingDays: number | null };
    expect(open.waitingWorkingDays === null || open.waitingWorkingDays <= 60).toBe(true);
    const unit = await signIn(app, 'unit', seeded.generatedPassword!);
    const own = (await unit.get('/api/difficulties')).json() as { items: { agencyName: string }[] };
    expect(own.items.map((d) => d.agencyName)).toEqual(['Ủy ban nhân dân phường Bồng Sơn']);
  });

  it('does nothing the second time', async () => {
    const count = async () =>
      (await queryRows<{ n: string }>(database.db, sql`select (select count(*) from unit) || '/' || (select count(*) from agency) || '/' || (select count(*) from app_user) || '/' || (select count(*) from audit_event where action = 'demo.seeded') as n`))[0].n;
    const before = await count();
    expect(before).toMatch(/\/1$/);
    const again = await seedDemo(database.db, { password: 'another-password' });
    expect(again).toEqual({ seeded: false, generatedPassword: null, usernames: seeded.usernames });
    expect(await count()).toBe(before);
    // The accounts keep the password of the first start.
    expect((await signIn(app, 'leader', seeded.generatedPassword!)).username).toBe('leader');
  });
});
