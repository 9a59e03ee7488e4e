import { sql } from 'drizzle-orm';
import type { AuditAction, AuditEntityType } from '../../../../shared/api/audit.schemas.js';
import type { ScaleGenerator } from './context.js';

/** What people do over ten years, by share of the trail. */
const MIX: { share: number; action: AuditAction; entityType: AuditEntityType }[] = [
  { share: 0.42, action: 'session.signed_in', entityType: 'user' },
  { share: 0.12, action: 'session.signed_out', entityType: 'user' },
  { share: 0.16, action: 'agency.updated', entityType: 'agency' },
  { share: 0.06, action: 'unit.updated', entityType: 'unit' },
  { share: 0.1, action: 'plan.updated', entityType: 'inspection_plan' },
  { share: 0.04, action: 'team.members_replaced', entityType: 'inspection_team' },
  { share: 0.04, action: 'user.updated', entityType: 'user' },
  { share: 0.03, action: 'user.password_changed', entityType: 'user' },
  { share: 0.03, action: 'document.registered', entityType: 'document_register_entry' },
];

const BATCH = 100_000;

/**
 * The audit trail of ten years' use (~1,000,000 events on PostgreSQL). The rows are made by the
 * database itself (generate_series over reference tables of the generated actors and records):
 * sending a million rows as JSON took four times as long. Each event names a real record and a
 * real actor, in time order, so scoped reads of the audit browser find what production would.
 */
export const auditGenerator: ScaleGenerator = {
  name: 'audit',
  async run(ctx) {
    const { options, registry, users, plans } = ctx;
    const from = Date.UTC(options.lastYear - options.years + 1, 0, 1);
    const to = Math.min(Date.now(), Date.UTC(options.lastYear, 11, 31));
    const refs: Record<string, string[]> = { agency: registry.agencyIds, unit: registry.unitIds, inspection_plan: plans.ids, inspection_team: plans.teamIds };

    // Cumulative shares → one CASE over random() per row.
    let acc = 0;
    const cases = MIX.map((m) => {
      acc += m.share;
      return `when r < ${acc.toFixed(4)} then '${m.action}|${m.entityType}'`;
    }).join(' ');

    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table seed_actor (i int primary key, id uuid, label text) on commit drop`);
      await tx.execute(sql`create temp table seed_ref (kind text, i int, id text, primary key (kind, i)) on commit drop`);
      await tx.execute(sql`insert into seed_actor select (x->>'i')::int, (x->>'id')::uuid, x->>'label' from json_array_elements(${JSON.stringify(
        users.all.map((u, i) => ({ i, id: u.id, label: `${u.fullName} (${u.username})` })),
      )}::json) x`);
      for (const [kind, ids] of Object.entries(refs)) {
        await tx.execute(sql`insert into seed_ref select ${kind}, (x.ordinality - 1)::int, x.value from json_array_elements_text(${JSON.stringify(ids)}::json) with ordinality x`);
      }
      // Each record's scope, as recordAudit would have stored it (scope_keys: migration 0015).
      await tx.execute(sql`create temp table seed_scope (kind text, id text, keys text[], primary key (kind, id)) on commit drop`);
      await tx.execute(sql`insert into seed_scope
        select 'unit', u.id::text, scope_keys(u.path, null) from unit u
        union all select 'agency', a.id::text, scope_keys(a.unit_path, a.path) from agency a
        union all select 'inspection_plan', p.id::text, scope_keys(a.unit_path, a.path) from inspection_plan p join agency a on a.id = p.issuing_agency_id
        union all select 'inspection_team', t.id::text, scope_keys(a.unit_path, a.path)
                    from inspection_team t join inspection_plan p on p.id = t.plan_id join agency a on a.id = p.issuing_agency_id
        union all select 'user', r.user_id::text, array_agg(distinct k order by k)
                    from user_role r join agency a on a.id = r.agency_id, unnest(scope_keys(a.unit_path, a.path)) k group by r.user_id`);
      const counts = Object.fromEntries(Object.entries(refs).map(([k, v]) => [k, v.length]));
      let written = 0;
      while (written < options.auditEvents) {
        const n = Math.min(BATCH, options.auditEvents - written);
        await tx.execute(sql.raw(`
          insert into audit_event (at, actor_id, actor_name, ip, request_id, action, entity_type, entity_id, before, after, scope)
          select ev.*, coalesce(sc.keys, '{}') from (
          select to_timestamp((${from} + (${to - from})::float8 * (${written} + g) / ${options.auditEvents}) / 1000.0),
                 a.id, a.label,
                 '10.' || (random() * 254)::int || '.' || (random() * 254)::int || '.' || (1 + random() * 253)::int,
                 gen_random_uuid()::text,
                 split_part(k.kind, '|', 1), split_part(k.kind, '|', 2),
                 case split_part(k.kind, '|', 2)
                   when 'user' then a.id::text
                   when 'document_register_entry' then gen_random_uuid()::text
                   else (select id from seed_ref s where s.kind = split_part(k.kind, '|', 2)
                          and s.i = floor(x.ri * case split_part(k.kind, '|', 2) ${Object.entries(counts).map(([kk, c]) => `when '${kk}' then ${Math.max(c, 1)}`).join(' ')} end)::int)
                 end,
                 case when k.kind like '%.updated|%' then jsonb_build_object('phone', '0256 38' || (random() * 99999)::int, 'version', 1 + (random() * 4)::int) end,
                 case when k.kind like '%.updated|%' then jsonb_build_object('phone', '0256 38' || (random() * 99999)::int, 'version', 2 + (random() * 4)::int) end as after
            from generate_series(1, ${n}) g
            -- "g * 0": ties the randoms to the row, or the planner computes them once for all rows.
            cross join lateral (select random() + g * 0 as r, random() + g * 0 as ri, (random() * ${users.all.length - 1})::int + g * 0 as ai) x
            cross join lateral (select case ${cases} else '${MIX[0].action}|${MIX[0].entityType}' end as kind) k
            join seed_actor a on a.i = x.ai
          ) ev (at, actor_id, actor_name, ip, request_id, action, entity_type, entity_id, before, after)
          left join seed_scope sc on sc.kind = ev.entity_type and sc.id = ev.entity_id
          order by ev.at`));
        written += n;
        if (written % 200_000 === 0 || written === options.auditEvents) ctx.log(`  audit events: ${written.toLocaleString('en')} / ${options.auditEvents.toLocaleString('en')}`);
      }
    });
    return { audit_event: options.auditEvents };
  },
};
