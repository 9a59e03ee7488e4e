import { useMemo } from 'react';
import { invalidParamsByField } from '../lib/api-client.js';
import { fieldIssueKeys } from '../i18n/errors.js';
import { useT } from '../i18n/i18n.js';

/**
 * Returns `errorFor(field)`: the translated message for the server's invalidParams entry of that
 * field, or undefined. Unknown issue codes fall back to the server's own reason.
 */
export function useFieldErrors(error: unknown): (field: string) => string | undefined {
  const t = useT();
  const byField = useMemo(() => invalidParamsByField(error), [error]);
  return (field) => {
    const param = byField[field];
    if (!param) return undefined;
    const key = fieldIssueKeys[param.code];
    return key ? t(key) : param.reason;
  };
}
