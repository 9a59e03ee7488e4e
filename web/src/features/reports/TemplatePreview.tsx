import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TemplateBody } from '../../../../shared/api/reports.schemas.js';
import { useT } from '../../i18n/i18n.js';
import { cellTypeKey } from './labels.js';
import { TableScroll } from '../../components/TableScroll.js';

/** A template as the units will see it (read only): headings, guidance, tables' columns and rows, attachments. */
export function TemplatePreview({ body }: { body: TemplateBody }) {
  const t = useT();
  return (
    <Stack>
      {body.items.map((item) =>
        item.type === 'section' ? (
          <div key={item.key}>
            <Title order={3} size="h5">
              {item.heading}
            </Title>
            {item.guidance && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {item.guidance}
              </Text>
            )}
          </div>
        ) : (
          <div key={item.key}>
            <Title order={3} size="h5">
              {item.title}
            </Title>
            {item.guidance && (
              <Text size="sm" c="dimmed">
                {item.guidance}
              </Text>
            )}
            <TableScroll>
              <Table withTableBorder withColumnBorders aria-label={item.title}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{item.fixedRows ? t('reporting.form.rowLabel') : t('reporting.form.rowNo')}</Table.Th>
                    {item.columns.map((c) => (
                      <Table.Th key={c.key}>
                        {c.label}{' '}
                        <Text span size="xs" c="dimmed">
                          ({t(cellTypeKey(c.type))}
                          {c.total ? `, ${t('reporting.builder.columnTotal').toLocaleLowerCase()}` : ''})
                        </Text>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {item.fixedRows ? (
                    item.fixedRows.map((r) => (
                      <Table.Tr key={r.key}>
                        <Table.Td>{r.label}</Table.Td>
                        {item.columns.map((c) => (
                          <Table.Td key={c.key} />
                        ))}
                      </Table.Tr>
                    ))
                  ) : (
                    <Table.Tr>
                      <Table.Td colSpan={item.columns.length + 1}>
                        <Text size="sm" c="dimmed">
                          {t('reporting.builder.rowsOpenUpTo', { n: item.maxRows })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </div>
        ),
      )}
      {body.attachments.length > 0 && (
        <div>
          <Title order={3} size="h5">
            {t('reporting.builder.attachments')}
          </Title>
          {body.attachments.map((a, i) => (
            <Group key={i} gap="xs">
              <Text size="sm">{a.label}</Text>
              {a.required && <Badge size="xs">{t('reporting.form.required')}</Badge>}
            </Group>
          ))}
        </div>
      )}
    </Stack>
  );
}
