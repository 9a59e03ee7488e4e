import type { z } from 'zod';
import type { standingBodySetting } from '../../../shared/api/registry.schemas.js';
import type { StandingBodyRow } from './settings.repository.js';

/** The standing body as the API answers it. */
export const presentStandingBody = (row: StandingBodyRow): z.infer<typeof standingBodySetting> => ({
  unitId: row.unitId,
  unitName: row.unitName,
  agencyId: row.agencyId,
  agencyName: row.agencyName,
  version: row.version,
});
