import { Anchor, Badge, Card, Loader, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { AwaitingSignatureResponse } from '../../../../shared/api/signatures.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { TableScroll } from '../../components/TableScroll.js';

/** The capabilities that sign a draft into an issued document (GET /api/awaiting-signature lists what each reaches). */
export const signingCapabilities = ['plan.issue', 'team.found', 'conclusion.approve', 'conclusion.draft', 'results_report.issue'] as const;

/** "Văn bản chờ ký": the drafts the caller signs (a leader; the office for what it signs under TUQ.), newest change first, each linked to where it is signed. */
export function AwaitingSignatureCard() {
  const t = useT();
  const q = useQuery({ queryKey: ['awaiting-signature'], queryFn: ({ signal }) => api.get<AwaitingSignatureResponse>('/api/awaiting-signature', undefined, signal) });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('signatures.title')}{' '}
        {q.data && q.data.total > 0 && (
          <Badge color="orange" variant="light">
            {q.data.total}
          </Badge>
        )}
      </Title>
      {q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.isPending ? (
        <Loader size="sm" />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed">{t('signatures.none')}</Text>
      ) : (
        <>
          <TableScroll>
            <Table aria-label={t('signatures.title')}>
              <Table.Tbody>
                {q.data.items.map((item) => (
                  <Table.Tr key={`${item.kind}:${item.id}`}>
                    <Table.Td>
                      <Anchor component={Link} to={item.path} fw={600}>
                        {t(`signatures.kind.${item.kind}`, { year: item.year })}
                      </Anchor>
                      {item.subject && <Text size="sm">{item.subject}</Text>}
                      <Text size="xs" c="dimmed">
                        {item.issuingAgencyName} · {t('signatures.updatedOn', { date: formatDate(item.updatedOn) })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {q.data.total > q.data.items.length && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('signatures.more', { n: q.data.total - q.data.items.length })}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
