import { Fragment, useMemo, useState } from 'react';
import { Button, Group, Loader, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditActions, auditEntityTypes, type AuditEvent } from '../../../../shared/api/audit.schemas.js';
import { api } from '../../lib/api-client.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatDateTime } from '../../i18n/dates.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { AuditDiff } from './AuditDiff.js';
import { auditActionLabel, auditEntityLabel } from './audit-labels.js';

const pageSize = 50;

/** /audit: who changed what, when; filters, pages, and a before/after diff per event. */
export function AuditPage() {
  const { t, language } = useI18n();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Set<string>>(new Set());
  // Memoised so the debounce sees a new value only when a filter really changes.
  const typed = useMemo(
    () => ({ entityType: entityType ?? '', action: action ?? '', from, to }),
    [entityType, action, from, to],
  );
  const [filters] = useDebouncedValue(typed, 300);

  const events = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEvent[]; total: number; totalIsLowerBound: boolean }>('/api/audit', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((events.data?.total ?? 0) / pageSize));

  const filterChanged = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setPage(1);
  };
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('audit.entityType')}
          data={auditEntityTypes.map((value) => ({ value, label: auditEntityLabel(value, language) }))}
          value={entityType}
          onChange={filterChanged(setEntityType)}
          clearable
          searchable
          w={200}
        />
        <Select
          label={t('audit.action')}
          data={auditActions.map((value) => ({ value, label: auditActionLabel(value, language) }))}
          value={action}
          onChange={filterChanged(setAction)}
          clearable
          searchable
          w={260}
        />
        <DateField label={t('audit.from')} value={from} onChange={filterChanged(setFrom)} w={160} />
        <DateField label={t('audit.to')} value={to} onChange={filterChanged(setTo)} w={160} />
      </Group>

      {events.error ? <ErrorAlert error={events.error} /> : null}
      {events.isPending && <Loader />}
      {events.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t(events.data.totalIsLowerBound ? 'audit.totalAtLeast' : 'audit.total', { total: events.data.total })}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label={t('audit.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.at')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                  <Table.Th scope="col">{t('audit.ip')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('common.details')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>{t('common.noResults')}</Table.Td>
                  </Table.Tr>
                )}
                {events.data.items.map((event) => {
                  const isOpen = open.has(event.id);
                  return (
                    <Fragment key={event.id}>
                      <Table.Tr>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</Table.Td>
                        <Table.Td>{event.actorName ?? t('audit.system')}</Table.Td>
                        <Table.Td>
                          <span title={event.action}>{auditActionLabel(event.action, language)}</span>
                        </Table.Td>
                        <Table.Td>
                          {auditEntityLabel(event.entityType, language)}
                          {event.entityId && (
                            <Text size="xs" c="dimmed" component="span" ml={4}>
                              {event.entityId.slice(0, 8)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{event.ip ?? t('common.none')}</Table.Td>
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            aria-expanded={isOpen}
                            aria-controls={`audit-diff-${event.id}`}
                            onClick={() => toggle(event.id)}
                          >
                            {isOpen ? t('common.hideDetails') : t('common.details')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                      {isOpen && (
                        <Table.Tr id={`audit-diff-${event.id}`}>
                          <Table.Td colSpan={6} bg="gray.0">
                            <AuditDiff before={event.before} after={event.after} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <nav aria-label={t('audit.pagination')}>
              <Pagination total={pages} value={page} onChange={setPage} />
            </nav>
          )}
        </>
      )}
    </Stack>
  );
}
