import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { ReportRequest } from '../../../../shared/api/reports.schemas.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { formatDate, formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { useExtendRequest, useWithdrawRequest } from './reports.api.js';

/**
 * What happened to a request after it was sent, shown beside its letter (which stays as issued):
 * its withdrawal and each extension of the due day.
 */
export function RequestChangeNotes({ request }: { request: ReportRequest }) {
  const t = useT();
  return (
    <>
      {request.withdrawal && (
        <Alert color="red" variant="light" title={t('reporting.requestStatus.withdrawn')}>
          <Text size="sm">{t('reporting.request.withdrawn', { date: formatDate(request.withdrawal.at.slice(0, 10)), reason: request.withdrawal.reason })}</Text>
        </Alert>
      )}
      {request.dueExtensions.length > 0 && (
        <Stack gap={4} aria-label={t('reporting.request.extensions')}>
          <Text size="sm" fw={600}>
            {t('reporting.request.extensions')}
          </Text>
          <List size="sm">
            {request.dueExtensions.map((e) => (
              <List.Item key={e.at}>{t('reporting.request.extensionLine', { from: formatDate(e.previousDueOn), to: formatDate(e.dueOn), reason: e.reason, by: e.byName ?? '', at: formatDateTime(e.at) })}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </>
  );
}

/** The office's moves on a sent request: extend its due day, withdraw it (each with a reason). */
export function RequestChangeActions({ request }: { request: ReportRequest }) {
  const t = useT();
  const [open, setOpen] = useState<'extend' | 'withdraw' | null>(null);
  if (!request.abilities.extend && !request.abilities.withdraw) return null;
  return (
    <Group>
      {request.abilities.extend && (
        <Button variant="default" onClick={() => setOpen('extend')}>
          {t('reporting.request.extend')}
        </Button>
      )}
      {request.abilities.withdraw && (
        <Button variant="default" color="red" onClick={() => setOpen('withdraw')}>
          {t('reporting.request.withdraw')}
        </Button>
      )}
      {open === 'extend' && <ExtendModal request={request} onClose={() => setOpen(null)} />}
      {open === 'withdraw' && <WithdrawModal request={request} onClose={() => setOpen(null)} />}
    </Group>
  );
}

function ExtendModal({ request, onClose }: { request: ReportRequest; onClose: () => void }) {
  const t = useT();
  const extend = useExtendRequest(request.id);
  const errorFor = useFieldErrors(extend.error);
  // Starts at the current due day, so the picker opens on its month.
  const [dueOn, setDueOn] = useState<string | null>(request.dueOn);
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('reporting.request.extend')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('reporting.request.extendHint')}
        </Text>
        <Group gap="xs">
          <Text size="sm">{t('reporting.col.due')}:</Text>
          <Badge variant="light" tt="none">
            {formatDate(request.dueOn)}
          </Badge>
        </Group>
        <DateField label={t('reporting.request.extendDue')} value={dueOn} onChange={setDueOn} required error={errorFor('dueOn')} />
        <Textarea label={t('reporting.request.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required rows={3} error={errorFor('reason')} />
        {extend.error && !errorFor('dueOn') && !errorFor('reason') ? <ErrorAlert error={extend.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={extend.isPending} disabled={!dueOn || !reason.trim()} onClick={() => extend.mutate({ version: request.version, dueOn: dueOn!, reason }, { onSuccess: onClose })}>
            {t('reporting.request.extend')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function WithdrawModal({ request, onClose }: { request: ReportRequest; onClose: () => void }) {
  const t = useT();
  const withdraw = useWithdrawRequest(request.id);
  const errorFor = useFieldErrors(withdraw.error);
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('reporting.request.withdraw')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('reporting.request.withdrawHint')}
        </Text>
        <Textarea label={t('reporting.request.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required rows={3} error={errorFor('reason')} />
        {withdraw.error && !errorFor('reason') ? <ErrorAlert error={withdraw.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={withdraw.isPending} disabled={!reason.trim()} onClick={() => withdraw.mutate({ version: request.version, reason }, { onSuccess: onClose })}>
            {t('reporting.request.withdraw')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
