import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { ReportTemplate } from '../../../../shared/api/reports.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { currentYear, formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { templateKindKey, templateStatusKey } from './labels.js';
import { useCopyTemplate, useTemplates } from './reports.api.js';
import { TableScroll } from '../../components/TableScroll.js';

/**
 * The year a copy of a template is for: the one after the template's own year, or after the year
 * it was published when it names none (the standard templates) — never the wall clock's, which
 * offered "năm 2026" inside the 2021 demo.
 */
export function nextTemplateYear(template: Pick<ReportTemplate, 'year' | 'publishedAt'>, now: Date = new Date()): number {
  if (template.year !== null) return template.year + 1;
  return currentYear(template.publishedAt ? new Date(template.publishedAt) : now) + 1;
}

/** "Start this year's from it": a draft of the next revision for the year after the template's. */
export function CopyForNextYear({ template }: { template: ReportTemplate }) {
  const t = useT();
  const navigate = useNavigate();
  const copy = useCopyTemplate(template.id);
  if (!template.abilities.copy || template.status !== 'published') return null;
  const year = nextTemplateYear(template);
  return (
    <>
      <Button size="xs" variant="default" loading={copy.isPending} onClick={() => copy.mutate({ year }, { onSuccess: (c) => void navigate(`/reports/templates/${c.id}`) })}>
        {t('reporting.templates.copyForYear', { year })}
      </Button>
      {copy.error != null && <ErrorAlert error={copy.error} />}
    </>
  );
}

/** /reports/templates — the office's outlines and tables, each version; drafts are edited, published ones copied. */
export function TemplatesPage() {
  const t = useT();
  const templates = useTemplates();
  return (
    <Stack>
      <div>
        <Anchor component={Link} to="/reports/requests" size="sm">
          ← {t('reporting.requests.title')}
        </Anchor>
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('reporting.templates.title')}
          </Title>
          <Button component={Link} to="/reports/templates/new">
            {t('reporting.templates.new')}
          </Button>
        </Group>
      </div>
      {templates.isPending ? (
        <Loader />
      ) : templates.error ? (
        <ErrorAlert error={templates.error} />
      ) : templates.data.items.length === 0 ? (
        <Text c="dimmed">{t('reporting.templates.none')}</Text>
      ) : (
        <TableScroll>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reporting.templates.name')}</Table.Th>
                <Table.Th>{t('reporting.col.kind')}</Table.Th>
                <Table.Th>{t('reporting.templates.year')}</Table.Th>
                <Table.Th>{t('reporting.col.status')}</Table.Th>
                <Table.Th aria-label={t('reporting.form.rowActions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.items.map((tp) => (
                <Table.Tr key={tp.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/templates/${tp.id}`}>
                      {tp.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {tp.code} · {t('reporting.revision', { n: tp.revision })} · {tp.ownerAgencyName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(templateKindKey(tp.kind))}</Table.Td>
                  <Table.Td>{tp.year ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge color={tp.status === 'published' ? 'green' : 'yellow'}>{t(templateStatusKey(tp.status))}</Badge>
                    {tp.publishedAt && (
                      <Text size="xs" c="dimmed">
                        {formatDate(tp.publishedAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <CopyForNextYear template={tp} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
