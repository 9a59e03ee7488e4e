import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Divider, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { isPlanIssued } from '../../../../shared/domain/plan-status.js';
import { useT } from '../../i18n/i18n.js';
import { formatDate } from '../../i18n/dates.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DetailList } from '../../components/DetailList.js';
import { TeamsSection } from '../teams/TeamsSection.js';
import { DocumentLinks } from './DocumentLinks.js';
import { RecordAttachments } from '../files/RecordAttachments.js';
import { PlanEditor } from './PlanEditor.js';
import { PlanReadView } from './PlanReadView.js';
import { PlanWorkflow } from './PlanWorkflow.js';
import { PlanStatusBadge } from './PlanStatusBadge.js';
import { formatYearMonth } from './plan-labels.js';
import { planChanges, planFormValues } from './plan-form.js';
import { planDocumentBase, usePlan, useUpdatePlan } from './plans.api.js';
import type { PlanDetail } from './plans.types.js';
import { useNotifySuccess } from './notify.js';
import { TableScroll } from '../../components/TableScroll.js';

/** /plans/:id: one version of a plan; the editor while it is a draft the caller may edit. */
export function PlanDetailPage() {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  if (plan.isPending) return <Loader />;
  if (plan.error) return <ErrorAlert error={plan.error} />;
  // A new version from the server starts the form afresh.
  return <PlanDetailView key={`${plan.data.id}:${plan.data.version}`} plan={plan.data} reload={() => void plan.refetch()} />;
}

function PlanDetailView({ plan, reload }: { plan: PlanDetail; reload: () => void }) {
  const t = useT();
  const initial = useMemo(() => planFormValues(plan), [plan]);
  const [values, setValues] = useState(initial);
  const update = useUpdatePlan(plan.id);
  const notify = useNotifySuccess();
  const changes = useMemo(() => planChanges(initial, values), [initial, values]);
  const editable = plan.abilities.update;
  const none = t('common.none');

  const save = () => {
    if (!changes) return;
    update.mutate({ version: plan.version, ...changes }, { onSuccess: () => notify(t('common.saved')) });
  };
  const reloadAfterConflict = () => {
    update.reset();
    reload();
  };

  return (
    <Stack>
      <Anchor component={Link} to="/plans" size="sm">
        ← {t('nav.plans')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" fw={700} c="dimmed">
            {t('plans.typeName')} · {plan.issuingAgencyName}
          </Text>
          <Title order={1} size="h2">
            {plan.summary || none}
          </Title>
          <Group gap="xs">
            <PlanStatusBadge status={plan.status} />
            {plan.documentNumber && (
              <Badge variant="outline" color="dark" tt="none" size="lg" data-testid="plan-number">
                {t('plans.numberLine', { number: plan.documentNumber })}
              </Badge>
            )}
            {plan.issuedOn && <Text size="sm">{t('plans.issuedOnLine', { date: formatDate(plan.issuedOn) })}</Text>}
            {plan.revision > 1 && (
              <Badge variant="light" color="grape" c="grape.9" tt="none">
                {t('plans.amendment', { n: plan.revision - 1 })}
              </Badge>
            )}
          </Group>
        </Stack>
        <PlanWorkflow plan={plan} dirty={changes !== null} onReload={reload} />
      </Group>

      <Paper withBorder p="md">
        <DetailList
          items={[
            [t('plans.issuingAgency'), plan.issuingAgencyName],
            [t('plans.year'), String(plan.year)],
            [t('plans.number'), plan.documentNumber ?? none],
            [t('plans.issuedOn'), formatDate(plan.issuedOn) || none],
            [t('plans.section.period'), t('plans.periodText', { from: formatYearMonth(plan.periodFrom), to: formatYearMonth(plan.periodTo) })],
            [t('plans.signer'), [plan.content.signature.position, plan.content.signature.signerName].filter(Boolean).join(' — ') || none],
          ]}
        />
      </Paper>

      <PlanHistory plan={plan} />

      <Paper withBorder p="md" component="section" aria-labelledby="plan-documents">
        <Stack gap="xs">
          <Title order={2} size="h4" id="plan-documents">
            {t('plans.documents')}
          </Title>
          {!isPlanIssued(plan.status) && <Text size="sm">{t('plans.draftMark')}</Text>}
          <DocumentLinks
            base={planDocumentBase(plan.id)}
            docxLabel={t('plans.downloadDocx')}
            pdfLabel={t('plans.downloadPdf')}
            previewTitle={t('plans.previewTitle')}
          />
          <RecordAttachments ownerType="plan" ownerId={plan.id} signed={isPlanIssued(plan.status)} signedScanLabel={t('plans.signedScan')} supportingLabel={t('plans.supporting')} />
        </Stack>
      </Paper>

      <Divider />
      <Title order={2} size="h3">
        {t('plans.content')}
      </Title>
      {editable ? (
        <>
          <PlanEditor plan={plan} values={values} onChange={setValues} error={update.error} />
          <Paper withBorder p="sm" pos="sticky" bottom={0} style={{ zIndex: 5 }} shadow="sm">
            <Stack gap="xs">
              {update.error ? <ErrorAlert error={update.error} onReload={reloadAfterConflict} /> : null}
              <Group justify="space-between">
                <Text size="sm" c={changes ? 'orange.9' : 'dimmed'} aria-live="polite">
                  {changes ? t('plans.unsaved') : t('plans.noChanges')}
                </Text>
                <Group gap="xs">
                  <Button variant="default" disabled={!changes} onClick={() => setValues(initial)}>
                    {t('plans.discard')}
                  </Button>
                  <Button onClick={save} loading={update.isPending} disabled={!changes}>
                    {t('plans.save')}
                  </Button>
                </Group>
              </Group>
            </Stack>
          </Paper>
        </>
      ) : (
        <>
          <Alert color="gray" variant="light">
            {t(isPlanIssued(plan.status) ? 'plans.readOnly.issued' : 'plans.readOnly.other')}
          </Alert>
          <PlanReadView plan={plan} />
        </>
      )}

      {isPlanIssued(plan.status) && (
        <>
          <Divider />
          <TeamsSection plan={plan} />
        </>
      )}
    </Stack>
  );
}

/** Every version of the plan (original and amendments); the one shown is marked. */
function PlanHistory({ plan }: { plan: PlanDetail }) {
  const t = useT();
  if (plan.history.length <= 1) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-history">
      <Title order={2} size="h4" id="plan-history" mb="xs">
        {t('plans.history')}
      </Title>
      <TableScroll>
        <Table aria-labelledby="plan-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plans.version')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('plans.number')}</Table.Th>
              <Table.Th scope="col">{t('plans.issuedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.history.map((h) => {
              const label = h.revision === 1 ? t('plans.original') : t('plans.amendment', { n: h.revision - 1 });
              return (
                <Table.Tr key={h.id}>
                  <Table.Td>
                    {h.id === plan.id ? (
                      <Text span fw={700}>
                        {label} ({t('plans.current')})
                      </Text>
                    ) : (
                      <Anchor component={Link} to={`/plans/${h.id}`}>
                        {label}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <PlanStatusBadge status={h.status} />
                  </Table.Td>
                  <Table.Td>{h.documentNumber ?? t('common.none')}</Table.Td>
                  <Table.Td>{formatDate(h.issuedOn) || t('common.none')}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}
