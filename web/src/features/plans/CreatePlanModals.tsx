import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, List, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { isPlanIssued } from '../../../../shared/domain/plan-status.js';
import { reachOf } from '../../../../shared/domain/capabilities.js';
import { useSession } from '../../auth/session.js';
import { useT } from '../../i18n/i18n.js';
import { currentYear } from '../../i18n/dates.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useAgencies } from '../agencies/agencies.api.js';
import { emptyPlanContent } from './plan-form.js';
import { usePlanFieldErrors } from './plan-field-errors.js';
import { useCreatePlan, useCreatePlanFromPrevious } from './plans.api.js';
import type { DroppedTarget, PlanDetail, PlanFromPrevious, PlanSummary } from './plans.types.js';
import { warningAlertStyles } from './plan-labels.js';
import { useNotifySuccess } from './notify.js';

interface ModalProps {
  opened: boolean;
  onClose: () => void;
}

function useOpenCreated() {
  const t = useT();
  const navigate = useNavigate();
  const notify = useNotifySuccess();
  return (plan: PlanDetail) => {
    // With targets (from the risk ranking), the confirmation names the ones the draft took.
    notify(plan.targets.length ? t('plans.createdWithTargets', { count: plan.targets.length, names: plan.targets.map((x) => x.name).join(', ') }) : t('plans.created'));
    navigate(`/plans/${plan.id}`);
  };
}

/**
 * A blank draft of the seed's outline, issued by a People's Committee the caller drafts for; with
 * targets chosen on the risk ranking, the dialog lists them (names, count) before the office confirms.
 */
export function CreatePlanModal({
  opened,
  onClose,
  initialTargetAgencyIds = [],
  initialTargetNames = {},
  initialYear,
}: ModalProps & { initialTargetAgencyIds?: string[]; initialTargetNames?: Record<string, string>; initialYear?: number }) {
  const t = useT();
  const { session } = useSession();
  const agencies = useAgencies({}, opened);
  const create = useCreatePlan();
  const fieldError = usePlanFieldErrors(create.error);
  const openCreated = useOpenCreated();
  const [year, setYear] = useState(initialYear ?? currentYear());
  const [issuer, setIssuer] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);

  const committees = useMemo(() => (agencies.data ?? []).filter((a) => a.kind === 'peoples_committee'), [agencies.data]);
  // The standing office drafts for the People's Committee above it (Phòng Nội vụ -> UBND thị xã).
  const ownCommittee = useMemo(() => {
    const roleAgencies = new Set(session?.roles.filter((r) => reachOf('plan.draft', r.role) !== null).map((r) => r.agencyId));
    const parents = (agencies.data ?? []).filter((a) => roleAgencies.has(a.id)).map((a) => a.parentAgencyId ?? a.id);
    return committees.find((c) => parents.includes(c.id))?.id ?? null;
  }, [agencies.data, committees, session]);
  const issuingAgencyId = issuer ?? ownCommittee;
  const nameOf = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? initialTargetNames[id] ?? t('plans.chosenTargetUnknown');
  const summaryText = summary ?? t('plans.defaultSummary', { year });

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!issuingAgencyId) return;
    create.mutate(
      { issuingAgencyId, year, periodFrom: `${year}-01`, periodTo: `${year}-12`, targetAgencyIds: initialTargetAgencyIds, content: emptyPlanContent(summaryText.trim()) },
      { onSuccess: openCreated },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('plans.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('plans.issuingAgency')}
            required
            searchable
            data={committees.map((a) => ({ value: a.id, label: a.name }))}
            value={issuingAgencyId}
            onChange={setIssuer}
            error={fieldError('issuingAgencyId')}
            nothingFoundMessage={t('common.noResults')}
          />
          <NumberInput label={t('plans.year')} required min={2000} max={2100} allowDecimal={false} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} error={fieldError('year')} w={160} />
          <TextInput label={t('plans.summary')} required value={summaryText} onChange={(e) => setSummary(e.currentTarget.value)} error={fieldError('content.summary')} />
          {initialTargetAgencyIds.length > 0 && (
            <Stack gap={4}>
              <Text fw={500} id="chosen-targets">
                {t('plans.chosenTargets', { count: initialTargetAgencyIds.length })}
              </Text>
              <List size="sm" aria-labelledby="chosen-targets">
                {initialTargetAgencyIds.map((id) => (
                  <List.Item key={id}>{nameOf(id)}</List.Item>
                ))}
              </List>
            </Stack>
          )}
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!issuingAgencyId || !summaryText.trim()}>
              {t('plans.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The source's targets the server left out of the copy, each with why; the draft exists already,
 * so the only way on is to open it (where the targets can be chosen again).
 */
function DroppedTargets({ plan, onOpen }: { plan: PlanFromPrevious; onOpen: () => void }) {
  const t = useT();
  return (
    <Stack>
      <Alert color="yellow" variant="light" title={t('plans.droppedTargetsTitle')} styles={warningAlertStyles}>
        <Text size="sm" mb="xs">
          {t('plans.droppedTargetsHint', { year: plan.year })}
        </Text>
        <List size="sm" data-testid="dropped-targets">
          {plan.droppedTargets.map((d: DroppedTarget) => (
            <List.Item key={d.agencyId}>
              {d.name} ({d.unitName}): {t(`plans.droppedReason.${d.reason}`)}
            </List.Item>
          ))}
        </List>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onOpen}>{t('plans.openDraft')}</Button>
      </Group>
    </Stack>
  );
}

/** "Start from last year's plan": choose the source; the year defaults to the source's + 1. */
export function FromPreviousModal({ opened, onClose, plans }: ModalProps & { plans: PlanSummary[] }) {
  const t = useT();
  const create = useCreatePlanFromPrevious();
  const fieldError = usePlanFieldErrors(create.error);
  const openCreated = useOpenCreated();
  // Issued plans first (the usual source), newest year first as the server lists them.
  const sources = useMemo(() => [...plans].sort((a, b) => Number(isPlanIssued(b.status)) - Number(isPlanIssued(a.status)) || b.year - a.year), [plans]);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  // A draft made with some targets left out: shown here before going on to it.
  const [withDropped, setWithDropped] = useState<PlanFromPrevious | null>(null);
  const source = sources.find((p) => p.id === (sourceId ?? sources[0]?.id));
  const targetYear = year ?? (source ? source.year + 1 : currentYear());

  const close = () => {
    create.reset();
    setWithDropped(null);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!source) return;
    create.mutate({ sourcePlanId: source.id, year: targetYear }, { onSuccess: (plan) => (plan.droppedTargets.length ? setWithDropped(plan) : openCreated(plan)) });
  };
  const label = (p: PlanSummary) => `${p.year} — ${p.documentNumber ?? t(`plans.status.${p.status}`)} — ${p.summary}`;

  if (withDropped) {
    return (
      <Modal opened={opened} onClose={close} title={t('plans.fromPreviousTitle')} size="lg">
        <DroppedTargets
          plan={withDropped}
          onOpen={() => {
            setWithDropped(null);
            openCreated(withDropped);
          }}
        />
      </Modal>
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={t('plans.fromPreviousTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('plans.sourcePlan')}
            required
            searchable
            allowDeselect={false}
            data={sources.map((p) => ({ value: p.id, label: label(p) }))}
            value={source?.id ?? null}
            onChange={(id) => {
              setSourceId(id);
              setYear(null);
            }}
            error={fieldError('sourcePlanId')}
            nothingFoundMessage={t('plans.none')}
          />
          <NumberInput label={t('plans.newYear')} required min={2000} max={2100} allowDecimal={false} value={targetYear} onChange={(v) => typeof v === 'number' && setYear(v)} error={fieldError('year')} w={240} />
          <Text size="sm">{t('plans.fromPreviousHint')}</Text>
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!source}>
              {t('plans.fromPreviousSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
