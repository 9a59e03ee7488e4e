import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiError } from '../lib/api-client.js';
import { errorMessageKeys } from '../i18n/errors.js';
import { useT } from '../i18n/i18n.js';

/** The translated message for any error; unknown errors never show raw text. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return (error) => {
    const code = error instanceof ApiError ? error.code : 'INTERNAL';
    return t(errorMessageKeys[code]);
  };
}

interface ErrorAlertProps {
  error: unknown;
  /** Offered on VERSION_CONFLICT: reload the record and start again. */
  onReload?: () => void;
}

/** An alert with the translated message, the request id (for support) and, on conflict, Reload. */
export function ErrorAlert({ error, onReload }: ErrorAlertProps) {
  const t = useT();
  const message = useErrorMessage();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const conflict = apiError?.code === 'VERSION_CONFLICT';
  return (
    <Alert color="red" variant="light" role="alert" title={conflict ? t('common.conflictTitle') : undefined}>
      <Text size="sm">{conflict ? t('common.conflict') : message(error)}</Text>
      {apiError?.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('error.requestId', { requestId: apiError.requestId })}
        </Text>
      )}
      {conflict && onReload && (
        <Group mt="sm">
          <Button size="xs" variant="outline" color="red" onClick={onReload}>
            {t('common.reload')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
