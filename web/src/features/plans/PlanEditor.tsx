import { Alert, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useT } from '../../i18n/i18n.js';
import { AgencyMultiPicker } from './AgencyPickers.js';
import { planOutline, sectionKey } from './plan-labels.js';
import type { PlanFormValues } from './plan-form.js';
import type { PlanDetail } from './plans.types.js';
import { usePlanFieldErrors } from './plan-field-errors.js';

interface PlanEditorProps {
  plan: PlanDetail;
  values: PlanFormValues;
  onChange: (values: PlanFormValues) => void;
  /** The last failed save, for errors next to the fields. */
  error: unknown;
}

/** 'YYYY-MM' <-> the month picker's 'YYYY-MM-DD'. */
const monthValue = (ym: string) => (ym ? `${ym}-01` : null);

/**
 * The draft's fields in the order the plan prints: each block section is a textarea in the
 * one-line-per-block syntax of block-text.ts, so the drafter writes the plan as it will read.
 */
export function PlanEditor({ plan, values, onChange, error }: PlanEditorProps) {
  const t = useT();
  const fieldError = usePlanFieldErrors(error);
  const set = <K extends keyof PlanFormValues>(key: K, value: PlanFormValues[K]) => onChange({ ...values, [key]: value });
  const setSignature = (key: keyof PlanFormValues['signature'], value: string) => set('signature', { ...values.signature, [key]: value });
  const known = plan.targets.map((target) => ({ value: target.agencyId, label: target.name }));

  const item = (name: (typeof planOutline)[number]['items'][number]) => {
    switch (name) {
      case 'period':
        return (
          <Group key={name} align="flex-start" gap="md">
            <MonthPickerInput
              label={`${t('plans.section.period')} — ${t('plans.periodFrom')}`}
              valueFormat="MM/YYYY"
              value={monthValue(values.periodFrom)}
              onChange={(v) => v && set('periodFrom', String(v).slice(0, 7))}
              error={fieldError('periodFrom')}
              w={250}
            />
            <MonthPickerInput
              label={t('plans.periodTo')}
              valueFormat="MM/YYYY"
              value={monthValue(values.periodTo)}
              onChange={(v) => v && set('periodTo', String(v).slice(0, 7))}
              error={fieldError('periodTo')}
              w={160}
            />
          </Group>
        );
      case 'targets':
        return (
          <AgencyMultiPicker
            key={name}
            label={t('plans.targets')}
            placeholder={t('plans.targetsPlaceholder')}
            value={values.targetAgencyIds}
            onChange={(ids) => set('targetAgencyIds', ids)}
            known={known}
            error={fieldError('targetAgencyIds')}
          />
        );
      case 'standingOfficeHeading':
        return (
          <TextInput
            key={name}
            label={t('plans.section.standingOfficeHeading')}
            value={values.standingOfficeHeading}
            onChange={(e) => set('standingOfficeHeading', e.currentTarget.value)}
            error={fieldError('content.standingOfficeHeading')}
          />
        );
      default:
        return (
          <Textarea
            key={name}
            label={t(sectionKey(name))}
            autosize
            minRows={2}
            maxRows={18}
            value={values.sections[name]}
            onChange={(e) => set('sections', { ...values.sections, [name]: e.currentTarget.value })}
            error={fieldError(`content.${name}`)}
            styles={{ input: { lineHeight: 1.5 } }}
          />
        );
    }
  };

  return (
    <Stack gap="lg">
      <Alert variant="light" color="blue" title={t('plans.syntaxTitle')}>
        <Text size="sm">{t('plans.syntaxHelp')}</Text>
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput
          label={t('plans.summary')}
          required
          value={values.summary}
          onChange={(e) => set('summary', e.currentTarget.value)}
          error={fieldError('content.summary')}
          style={{ gridColumn: 'span 3' }}
        />
        <NumberInput
          label={t('plans.year')}
          min={2000}
          max={2100}
          allowDecimal={false}
          value={values.year}
          onChange={(v) => typeof v === 'number' && set('year', v)}
          error={fieldError('year')}
        />
      </SimpleGrid>
      <Textarea
        label={t('plans.legalBases')}
        autosize
        minRows={2}
        maxRows={10}
        value={values.legalBases}
        onChange={(e) => set('legalBases', e.currentTarget.value)}
        error={fieldError('content.legalBases')}
      />
      {planOutline.map((group) => (
        <Fieldset key={group.title} legend={<Title order={3} size="h5">{t(group.title)}</Title>}>
          <Stack>{group.items.map(item)}</Stack>
        </Fieldset>
      ))}
      <Fieldset legend={<Title order={3} size="h5">{t('plans.group.closing')}</Title>}>
        <Stack>
          <Textarea
            label={t('plans.recipients')}
            autosize
            minRows={3}
            maxRows={14}
            value={values.recipients}
            onChange={(e) => set('recipients', e.currentTarget.value)}
            error={fieldError('content.recipients')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('plans.signer.authority')} value={values.signature.authority} onChange={(e) => setSignature('authority', e.currentTarget.value)} error={fieldError('content.signature.authority')} />
            <TextInput label={t('plans.signer.onBehalfOf')} value={values.signature.onBehalfOf} onChange={(e) => setSignature('onBehalfOf', e.currentTarget.value)} error={fieldError('content.signature.onBehalfOf')} />
            <TextInput label={t('plans.signer.position')} value={values.signature.position} onChange={(e) => setSignature('position', e.currentTarget.value)} error={fieldError('content.signature.position')} />
            <TextInput label={t('plans.signer.name')} value={values.signature.signerName} onChange={(e) => setSignature('signerName', e.currentTarget.value)} error={fieldError('content.signature.signerName')} />
          </SimpleGrid>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
