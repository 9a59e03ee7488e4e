import { useMemo } from 'react';
import { ApiError } from '../../lib/api-client.js';
import { fieldMessage } from '../../i18n/errors.js';
import { useT } from '../../i18n/i18n.js';
import { vi, type MessageKey } from '../../i18n/messages.vi.js';

/**
 * Like useFieldErrors, but a field also collects the errors of what lies inside it: the server
 * names "content.purposes.3.content", the editor has one textarea for "content.purposes".
 * The plan use cases' own issue codes (out_of_scope, before_period_from, …) are translated too.
 */
export function usePlanFieldErrors(error: unknown): (field: string) => string | undefined {
  const t = useT();
  const params = useMemo(
    () => (error instanceof ApiError ? error.invalidParams.map((p) => ({ ...p, name: p.name.replace(/^(body|query|params)\./, '') })) : []),
    [error],
  );
  return (field) => {
    const param = params.find((p) => p.name === field || p.name.startsWith(`${field}.`));
    if (!param) return undefined;
    const own = `plans.field.${param.code}`;
    // The params name what the message cites (before_last_in_register: the register's last number and its date).
    return own in vi ? t(own as MessageKey, param.params) : fieldMessage(t, param);
  };
}
