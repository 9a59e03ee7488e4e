import { hasRole, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';

/** Everyone signed in reads the settings; only admins change them. */
export function authorizeSettingsChange(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new AppError('FORBIDDEN', 'only admins change system settings');
}
