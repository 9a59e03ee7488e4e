import { expect } from 'vitest';
import type { TemplateDetail } from '../../../shared/api/checklists.schemas.js';
import { standardOneStopTemplate } from '../../../shared/domain/checklists.js';
import type { Client } from '../../test/harness.js';

/** The §4.3 one-stop checklist, drafted and published by the office for an owner agency. */
export async function publishedOneStopTemplate(sec: Client, ownerAgencyId: string, code = `MC-${crypto.randomUUID().slice(0, 8)}`): Promise<TemplateDetail> {
  const { groups, items, name, source, kind } = standardOneStopTemplate;
  const draft = await sec.post('/api/checklist-templates', { ownerAgencyId, code, kind, name, source, groups, items });
  expect(draft.statusCode, draft.body).toBe(201);
  const published = await sec.post(`/api/checklist-templates/${draft.json().id}/publish`, { version: draft.json().version });
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}
