import { useState } from 'react';
import { Anchor, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.js';
import { useT } from '../../i18n/i18n.js';
import { currentYear, formatDate } from '../../i18n/dates.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CreatePlanModal, FromPreviousModal } from './CreatePlanModals.js';
import { PlanStatusBadge } from './PlanStatusBadge.js';
import { planStatusKey } from './plan-labels.js';
import { usePlans } from './plans.api.js';
import { planStatusList, type PlanStatus } from './plans.types.js';

/** /plans: the inspection plans in the caller's scope, newest year first. */
export function PlansPage() {
  const t = useT();
  const { can } = useSession();
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<PlanStatus | null>(null);
  // The risk ranking sends here with ?newPlan=1&year=…&targets=<agency ids>: a new draft with those targets.
  const [params] = useSearchParams();
  const proposedTargets = (params.get('targets') ?? '').split(',').filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const proposedYear = Number(params.get('year')) || undefined;
  const proposedNames = (useLocation().state as { targetNames?: Record<string, string> } | null)?.targetNames;
  const [dialog, setDialog] = useState<'new' | 'previous' | null>(params.get('newPlan') ? 'new' : null);
  const [page, setPage] = useState(1);
  const plans = usePlans({ year, status, page });
  const items = plans.data?.items;
  // The latest plans, for "start from last year's": the filters above must not hide the source.
  const recentPlans = usePlans({ pageSize: 200 });
  const canDraft = can('plan.draft');

  const thisYear = currentYear();
  const years = Array.from({ length: thisYear + 2 - 2018 }, (_, i) => String(thisYear + 1 - i));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('plans.title')}
        </Title>
        {canDraft && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setDialog('previous')} disabled={!recentPlans.data?.items.length}>
              {t('plans.fromPrevious')}
            </Button>
            <Button onClick={() => setDialog('new')}>{t('plans.create')}</Button>
          </Group>
        )}
      </Group>

      <Group align="flex-end" gap="md">
        <Select label={t('plans.year')} placeholder={t('plans.allYears')} data={years} value={year ? String(year) : null} onChange={(v) => { setYear(v ? Number(v) : null); setPage(1); }} clearable w={170} />
        <Select
          label={t('common.status')}
          placeholder={t('plans.allStatuses')}
          data={planStatusList.map((s) => ({ value: s, label: t(planStatusKey(s)) }))}
          value={status}
          onChange={(v) => { setStatus(v as PlanStatus | null); setPage(1); }}
          clearable
          w={220}
        />
      </Group>

      <Text size="sm" c="dimmed" aria-live="polite">
        {items ? t('common.count', { count: items.length }) : ''}
      </Text>
      {plans.error ? <ErrorAlert error={plans.error} /> : null}
      {plans.isPending && <Loader />}
      {items && items.length === 0 && <Text>{t('plans.none')}</Text>}
      {items && items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('plans.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plans.year')}</Table.Th>
                <Table.Th scope="col">{t('plans.number')}</Table.Th>
                <Table.Th scope="col">{t('plans.summary')}</Table.Th>
                <Table.Th scope="col">{t('plans.issuingAgency')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
                <Table.Th scope="col">{t('plans.issuedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((plan) => (
                <Table.Tr key={plan.id}>
                  <Table.Td>{plan.year}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{plan.documentNumber ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/plans/${plan.id}`}>
                      {plan.summary || t('common.none')}
                    </Anchor>
                    {plan.revision > 1 && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        ({t('plans.amendment', { n: plan.revision - 1 })})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{plan.issuingAgencyName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <PlanStatusBadge status={plan.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(plan.issuedOn) || t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(page > 1 || plans.data?.hasMore) && (
        <Group gap="xs" aria-label={t('common.pages')}>
          <Button variant="default" size="xs" disabled={page === 1} onClick={() => setPage(page - 1)}>
            {t('common.previousPage')}
          </Button>
          <Text size="sm">{t('common.pageNumber', { page })}</Text>
          <Button variant="default" size="xs" disabled={!plans.data?.hasMore} onClick={() => setPage(page + 1)}>
            {t('common.nextPage')}
          </Button>
        </Group>
      )}

      {canDraft && <CreatePlanModal opened={dialog === 'new'} onClose={() => setDialog(null)} initialTargetAgencyIds={proposedTargets} initialTargetNames={proposedNames} initialYear={proposedYear} />}
      {canDraft && dialog === 'previous' && <FromPreviousModal opened onClose={() => setDialog(null)} plans={recentPlans.data?.items ?? []} />}
    </Stack>
  );
}
