import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import type { Capability } from '../../../shared/domain/capabilities.js';
import { useSession } from '../auth/session.js';
import { useT } from '../i18n/i18n.js';

/** Hides a page from users without the capability (any of several); the server enforces the same rule. */
export function RequireCapability({ capability, children }: { capability: Capability | Capability[]; children: ReactNode }) {
  const t = useT();
  const { can } = useSession();
  if (!(Array.isArray(capability) ? capability : [capability]).some(can)) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('error.FORBIDDEN')}
      </Alert>
    );
  }
  return <>{children}</>;
}
