import { registerRecordAccess } from '../../files/record-access.js';
import { committeeRecordAccess } from '../plans/plans.files.js';
import { findVisibleTeam } from './teams.repository.js';

/** Files of a team (the signed founding decision, supporting documents), as for its plan. */
registerRecordAccess('team', committeeRecordAccess(findVisibleTeam));
