import { useState } from 'react';
import { Alert, Badge, Group, Loader, Pagination, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { outboxStatuses, type OutboxStatus } from '../../../../shared/api/notifications.schemas.js';
import { formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.vi.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { warningAlertStyles } from '../plans/plan-labels.js';
import { useMailStatus } from './notifications.api.js';

const statusKey = (s: OutboxStatus) => `mail.status.${s}` as MessageKey;
// Light badges with dark text: Mantine's light text colours fail WCAG AA contrast (axe in e2e).
const statusColor: Record<OutboxStatus, string> = { pending: 'gray', sending: 'blue', retrying: 'orange', failed: 'red', sent: 'green', disabled: 'gray' };

/** For admins: whether e-mail is on, and the outbox of the users they manage. */
export function MailStatusPage() {
  const t = useT();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [page, setPage] = useState(1);
  const mail = useMailStatus({ status: status ?? undefined, page });
  const data = mail.data;
  return (
    <Stack>
      <Title order={1} size="h3">
        {t('mail.title')}
      </Title>
      <ErrorAlert error={mail.error} />
      {mail.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {data && (
        <>
          {data.enabled ? (
            <Alert color="green" variant="light">
              {t('mail.on', { from: data.from ?? '' })}
            </Alert>
          ) : (
            <Alert color="yellow" variant="light" title={t('mail.offTitle')} styles={warningAlertStyles}>
              {t('mail.off')}
            </Alert>
          )}
          <Group gap="xs">
            {outboxStatuses.map((s) => (
              <Badge key={s} color={statusColor[s]} variant="light" c="dark.9" tt="none">
                {t(statusKey(s))}: {data.counts[s]}
              </Badge>
            ))}
          </Group>
          <Select
            label={t('mail.filter')}
            clearable
            w={240}
            value={status}
            onChange={(v) => {
              setStatus(v as OutboxStatus | null);
              setPage(1);
            }}
            data={outboxStatuses.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          />
          <Paper withBorder>
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('mail.created')}</Table.Th>
                    <Table.Th>{t('mail.recipient')}</Table.Th>
                    <Table.Th>{t('mail.subject')}</Table.Th>
                    <Table.Th>{t('common.status')}</Table.Th>
                    <Table.Th>{t('mail.attempts')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{item.recipientName}</Text>
                        <Text size="xs" c="dimmed">
                          {item.toAddress}
                        </Text>
                      </Table.Td>
                      <Table.Td>{item.subject}</Table.Td>
                      <Table.Td>
                        <Badge color={statusColor[item.status]} variant="light" c="dark.9" tt="none">
                          {t(statusKey(item.status))}
                        </Badge>
                        {item.sentAt && (
                          <Text size="xs" c="dimmed">
                            {formatDateTime(item.sentAt)}
                          </Text>
                        )}
                        {item.errorCode && (
                          <Text size="xs" c="red.9">
                            {t(`mail.error.${item.errorCode}`)}
                          </Text>
                        )}
                        {item.lastError && (
                          <Text size="xs" c="dimmed" title={t('mail.serverSaid')}>
                            {item.lastError}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{item.attempts}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.items.length === 0 && (
              <Text c="dimmed" p="md">
                {t('common.noResults')}
              </Text>
            )}
          </Paper>
          {data.total > 20 && <Pagination value={page} onChange={setPage} total={Math.ceil(data.total / 20)} />}
        </>
      )}
    </Stack>
  );
}
