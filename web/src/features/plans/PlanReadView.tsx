import type { ReactNode } from 'react';
import { Fieldset, List, Stack, Text, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n.js';
import { BlocksView } from './BlocksView.js';
import { formatYearMonth, planOutline, sectionKey } from './plan-labels.js';
import type { PlanDetail } from './plans.types.js';

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={700} c="dimmed" mb={4}>
        {label}
      </Text>
      {children}
    </div>
  );
}

/** A plan that may no longer change (submitted, issued …), laid out in its printed order. */
export function PlanReadView({ plan }: { plan: PlanDetail }) {
  const t = useT();
  const c = plan.content;
  const none = t('common.none');

  const item = (name: (typeof planOutline)[number]['items'][number]) => {
    switch (name) {
      case 'period':
        return (
          <Labelled key={name} label={t('plans.section.period')}>
            <Text>{t('plans.periodText', { from: formatYearMonth(plan.periodFrom), to: formatYearMonth(plan.periodTo) })}</Text>
          </Labelled>
        );
      case 'targets':
        return (
          <Labelled key={name} label={t('plans.targets')}>
            {plan.targets.length === 0 ? (
              <Text c="dimmed">{none}</Text>
            ) : (
              <List size="sm" spacing={2}>
                {plan.targets.map((target) => (
                  <List.Item key={target.agencyId}>{target.name}</List.Item>
                ))}
              </List>
            )}
          </Labelled>
        );
      case 'standingOfficeHeading':
        return (
          <Labelled key={name} label={t('plans.section.standingOfficeHeading')}>
            <Text fw={700}>{c.standingOfficeHeading || none}</Text>
          </Labelled>
        );
      default:
        return (
          <Labelled key={name} label={t(sectionKey(name))}>
            <BlocksView blocks={c[name]} empty={none} />
          </Labelled>
        );
    }
  };

  return (
    <Stack gap="lg">
      <Labelled label={t('plans.legalBasesRead')}>
        {c.legalBases.length === 0 ? (
          <Text c="dimmed">{none}</Text>
        ) : (
          c.legalBases.map((line, i) => (
            <Text key={i} fs="italic">
              {line}
            </Text>
          ))
        )}
      </Labelled>
      {planOutline.map((group) => (
        <Fieldset key={group.title} legend={<Title order={3} size="h5">{t(group.title)}</Title>}>
          <Stack>{group.items.map(item)}</Stack>
        </Fieldset>
      ))}
      <Fieldset legend={<Title order={3} size="h5">{t('plans.group.closing')}</Title>}>
        <Stack>
          <Labelled label={t('plans.recipientsRead')}>
            {c.recipients.map((line, i) => (
              <Text key={i} size="sm">
                - {line}
              </Text>
            ))}
          </Labelled>
          <Labelled label={t('plans.signer')}>
            <Stack gap={0} align="flex-start">
              {c.signature.authority && <Text fw={700}>{c.signature.authority}</Text>}
              {c.signature.onBehalfOf && <Text fw={700}>{c.signature.onBehalfOf}</Text>}
              <Text fw={700}>{c.signature.position}</Text>
              <Text fw={700} mt="sm">
                {c.signature.signerName || none}
              </Text>
            </Stack>
          </Labelled>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
