import { capabilityFields, capabilityNames, type Capability } from '../../shared/domain/capabilities.js';
import { holdsAnywhere, type Grantee } from './scope.js';

/**
 * What the signed-in user may do somewhere, for `GET /api/session`: the capabilities they hold
 * (the web app offers "create", "import", the audit page … by these, never by role names) and
 * the field-level rules of those that allow only some fields. Each record still says what the
 * user may do with it in its own `abilities`.
 */
export function capabilitiesOf(actor: Grantee): { capabilities: Capability[]; fieldRules: Partial<Record<Capability, string[]>> } {
  const capabilities = capabilityNames.filter((c) => holdsAnywhere(actor, c));
  const fieldRules: Partial<Record<Capability, string[]>> = {};
  for (const c of capabilities) {
    const fields = capabilityFields[c];
    if (fields) fieldRules[c] = [...fields];
  }
  return { capabilities, fieldRules };
}
