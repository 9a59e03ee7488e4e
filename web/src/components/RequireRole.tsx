import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import type { RoleName } from '../../../shared/api/session.schemas.js';
import { useSession } from '../auth/session.js';
import { useT } from '../i18n/i18n.js';

/** Hides a page from roles that may not use it; the server enforces the same rule. */
export function RequireRole({ roles, children }: { roles: RoleName[]; children: ReactNode }) {
  const t = useT();
  const { hasRole } = useSession();
  if (!hasRole(...roles)) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('error.FORBIDDEN')}
      </Alert>
    );
  }
  return <>{children}</>;
}
