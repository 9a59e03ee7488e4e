import { describe, expect, it } from 'vitest';
import { anyRoleHas, capabilityFields, capabilityNames, capabilityTable, reachOf, reaches, roleNames, rolesWith } from './capabilities.js';

describe('the capability table', () => {
  it('names only known roles and reaches', () => {
    for (const name of capabilityNames) {
      for (const [role, reach] of Object.entries(capabilityTable[name])) {
        expect(roleNames, `${name}: ${role}`).toContain(role);
        expect(reaches, `${name}: ${reach}`).toContain(reach);
      }
    }
  });

  it('gives field-level rules only to capabilities that exist', () => {
    for (const name of Object.keys(capabilityFields)) expect(capabilityNames).toContain(name);
  });

  it('answers who may do what', () => {
    expect(rolesWith('unit.create')).toEqual(['admin', 'secretariat']);
    expect(reachOf('agency.update_contacts', 'unit_officer')).toBe('own_agency');
    expect(reachOf('agency.update', 'unit_officer')).toBeNull();
    expect(anyRoleHas(['inspector'], 'audit.read')).toBe(false);
    expect(anyRoleHas(['inspector', 'leader'], 'audit.read')).toBe(true);
  });
});
