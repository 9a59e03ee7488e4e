import { useMemo } from 'react';
import { invalidParamsByField } from '../lib/api-client.js';
import { fieldMessage } from '../i18n/errors.js';
import { useT } from '../i18n/i18n.js';

/**
 * Returns `errorFor(field)`: the translated message for the server's invalidParams entry of that
 * field, or undefined. Translated by code: the server's English reason never reaches the screen.
 */
export function useFieldErrors(error: unknown): (field: string) => string | undefined {
  const t = useT();
  const byField = useMemo(() => invalidParamsByField(error), [error]);
  return (field) => {
    const param = byField[field];
    if (!param) return undefined;
    return fieldMessage(t, param);
  };
}
