import { useState } from 'react';
import { Anchor, Button, Card, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fieldMessageKey } from '../../i18n/errors.js';
import { useT } from '../../i18n/i18n.js';
import { invalidParamsByField } from '../../lib/api-client.js';
import { AgencyMultiPicker } from '../plans/AgencyPickers.js';
import { useOfficeAgencies } from './office.js';
import { useCreateRequest, useTemplates } from './reports.api.js';

/**
 * /reports/requests/new — the office drafts an ad hoc request: which published template, which
 * units, the due day and period; the công văn's texts start from the defaults and it is issued
 * from the request's page.
 */
export function NewRequestPage() {
  const t = useT();
  const navigate = useNavigate();
  const templates = useTemplates({ status: 'published' });
  const office = useOfficeAgencies();
  const create = useCreateRequest();
  const [ownerAgencyId, setOwner] = useState<string | null>(null);
  const [templateId, setTemplate] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [periodFrom, setFrom] = useState<string | null>(null);
  const [periodTo, setTo] = useState<string | null>(null);
  const [targets, setTargets] = useState<string[]>([]);
  const owner = ownerAgencyId ?? office.options[0]?.value ?? null;
  const fields = invalidParamsByField(create.error);
  const errorFor = (name: string) => {
    const p = fields[name] ?? Object.entries(fields).find(([k]) => k.startsWith(`${name}.`))?.[1];
    return p ? t(fieldMessageKey(p.code)) : undefined;
  };

  const send = () =>
    create.mutate(
      { kind: 'ad_hoc', ownerAgencyId: owner, templateId, title: title.trim(), dueOn, periodFrom, periodTo, targetAgencyIds: targets },
      { onSuccess: (r) => void navigate(`/reports/requests/${r.id}`) },
    );

  return (
    <Stack>
      <div>
        <Anchor component={Link} to="/reports/requests" size="sm">
          ← {t('reporting.requests.title')}
        </Anchor>
        <Title order={1} size="h2">
          {t('reporting.requests.new')}
        </Title>
      </div>
      <Card withBorder>
        <Stack>
          <Select label={t('reporting.col.owner')} required data={office.options} value={owner} onChange={setOwner} error={errorFor('ownerAgencyId')} />
          <Select
            label={t('reporting.col.template')}
            required
            searchable
            data={(templates.data?.items ?? []).map((tp) => ({ value: tp.id, label: `${tp.name} (${t('reporting.revision', { n: tp.revision })})` }))}
            value={templateId}
            onChange={setTemplate}
            error={errorFor('templateId')}
          />
          <TextInput label={t('reporting.new.title')} description={t('reporting.new.titleHint')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errorFor('title')} />
          <Group>
            <DateField label={t('reporting.col.due')} required value={dueOn} onChange={setDueOn} error={errorFor('dueOn')} w={200} />
            <DateField label={t('reporting.new.periodFrom')} value={periodFrom} onChange={setFrom} error={errorFor('periodFrom')} w={200} />
            <DateField label={t('reporting.new.periodTo')} value={periodTo} onChange={setTo} error={errorFor('periodTo')} w={200} />
          </Group>
          <AgencyMultiPicker label={t('reporting.new.targets')} value={targets} onChange={setTargets} known={[]} error={errorFor('targetAgencyIds')} />
          {create.error != null && Object.keys(fields).length === 0 && <ErrorAlert error={create.error} />}
          <Group>
            <Button onClick={send} loading={create.isPending} disabled={!owner || !templateId || !title.trim() || !dueOn || targets.length === 0}>
              {t('reporting.new.create')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
