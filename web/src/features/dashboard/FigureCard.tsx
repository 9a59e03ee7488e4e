import { useState, type ReactNode } from 'react';
import { Anchor, Button, Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Text as SvgText, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'react-router';
import { useI18n, useT } from '../../i18n/i18n.js';
import { formatNumber } from '../indices/format.js';
import { TableScroll } from '../../components/TableScroll.js';

export interface FigureRow {
  key: string;
  label: string;
  value: number | null;
  /** Where the records behind the number are. */
  link?: string | null;
  /** A measure (a mean), not one of the counts: in the table, not drawn in the chart. */
  notCharted?: boolean;
  /** More columns for the table (rank, units scored…): text, or a number linking to its records. */
  extra?: FigureExtra[];
}

export type FigureExtra = string | { value: string; to: string | null };

/** A number that links to its records when it has a link. */
export function NumberLink({ value, to }: { value: string; to: string | null }) {
  return to ? (
    <Anchor component={Link} to={to}>
      {value}
    </Anchor>
  ) : (
    <>{value}</>
  );
}

interface FigureCardProps {
  title: string;
  /** The table's column headers: label, value, then each `extra`. */
  columns: string[];
  rows: FigureRow[];
  chart: 'bar' | 'barHorizontal' | 'line';
  format: (x: number | null) => string;
  /** A sentence for screen readers and under the chart (the chart is a picture of the table). */
  summary?: string;
  footer?: ReactNode;
}

const tick = { fill: '#212529', fontSize: 12 };
const color = '#1864ab';
const axisLabel = { fill: '#212529', fontSize: 12 };

/**
 * A category's name under its bar: every one shown (the axis has interval 0, recharts would skip
 * some at 1366 px and leave bars unnamed), each wrapped word by word within its bar's band so that
 * neighbours never overlap.
 */
function CategoryTick(props: { x?: number | string; y?: number | string; width?: number | string; visibleTicksCount?: number; payload?: { value?: unknown } }) {
  const band = Number(props.width) / Math.max(1, props.visibleTicksCount ?? 1);
  return (
    <SvgText x={props.x} y={props.y} width={Math.max(40, band - 4)} textAnchor="middle" verticalAnchor="start" {...tick}>
      {String(props.payload?.value ?? '')}
    </SvgText>
  );
}

/** The figure as CSV (RFC 4180, with a BOM so spreadsheet programs read Vietnamese), the table's columns and values. */
export function figureCsv(columns: string[], rows: FigureRow[], format: (x: number | null) => string): string {
  const cell = (x: unknown) => `"${String(x ?? '').replaceAll('"', '""')}"`;
  const lines = [columns.map(cell).join(','), ...rows.map((r) => [r.label, format(r.value), ...(r.extra ?? []).map((x) => (typeof x === 'string' ? x : x.value))].map(cell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * One figure of the dashboard: a chart (recharts) and the same numbers as a table, the table
 * being what screen readers and keyboards use (the chart is marked as an image with a summary).
 * Each number in the table links to its records when it has a link.
 */
export function FigureCard({ title, columns, rows, chart, format, summary, footer }: FigureCardProps) {
  const t = useT();
  const { language } = useI18n();
  // Axis ticks in the reader's number format (85,5 in Vietnamese).
  const tickFormatter = (v: unknown) => formatNumber(language, Number(v));
  const [view, setView] = useState<'chart' | 'table'>('chart');
  // The axes are named by the table's first two columns: the categories and the values.
  const [categoryAxis, valueAxis] = columns;
  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([figureCsv(columns, rows, format)], { type: 'text/csv;charset=utf-8' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `${title}.csv` });
    a.click();
    URL.revokeObjectURL(url);
  };
  // A measure (a mean) is in the table only: the chart (and its summary) draws the counts.
  const charted = rows.filter((r) => !r.notCharted);
  const data = charted.map((r) => ({ name: r.label, value: r.value ?? 0 }));
  const height = chart === 'barHorizontal' ? Math.max(160, rows.length * 26 + 40) : chart === 'bar' ? 240 : 220;
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-xs" variant="subtle" onClick={exportCsv} disabled={rows.length === 0} aria-label={t('dashboard.figureExport.label', { title })}>
            {t('dashboard.figureExport')}
          </Button>
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { value: 'chart', label: t('dashboard.view.chart') },
              { value: 'table', label: t('dashboard.view.table') },
            ]}
            aria-label={t('dashboard.view.label', { title })}
          />
        </Group>
      </Group>
      {rows.length === 0 && <Text c="dimmed">{t('dashboard.empty')}</Text>}
      {rows.length > 0 && view === 'chart' && (
        <div role="img" aria-label={`${title}. ${summary ?? charted.map((r) => `${r.label}: ${format(r.value)}`).join('; ')}`} style={{ width: '100%', height }}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height }}>
            {chart === 'line' ? (
              <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" tick={tick} label={{ value: categoryAxis, position: 'insideBottom', offset: -16, ...axisLabel }} />
                <YAxis tick={tick} tickFormatter={tickFormatter} domain={['auto', 'auto']} label={{ value: valueAxis, angle: -90, position: 'insideLeft', ...axisLabel }} />
                <Tooltip formatter={(v) => format(Number(v))} />
                <Line type="monotone" dataKey="value" stroke={color} strokeWidth={2} isAnimationActive={false} />
              </LineChart>
            ) : chart === 'barHorizontal' ? (
              <BarChart data={data} layout="vertical" margin={{ top: 24, right: 16, bottom: 24, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" tick={tick} tickFormatter={tickFormatter} label={{ value: valueAxis, position: 'insideBottom', offset: -16, ...axisLabel }} />
                <YAxis type="category" dataKey="name" interval={0} tick={tick} width={150} label={{ value: categoryAxis, position: 'top', offset: 10, ...axisLabel }} />
                <Tooltip formatter={(v) => format(Number(v))} />
                <Bar dataKey="value" fill={color} isAnimationActive={false} />
              </BarChart>
            ) : (
              <BarChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" interval={0} height={44} tick={<CategoryTick />} label={{ value: categoryAxis, position: 'insideBottom', offset: -16, ...axisLabel }} />
                <YAxis tick={tick} tickFormatter={tickFormatter} allowDecimals={false} label={{ value: valueAxis, angle: -90, position: 'insideLeft', ...axisLabel }} />
                <Tooltip formatter={(v) => format(Number(v))} />
                <Bar dataKey="value" fill={color} isAnimationActive={false} />
              </BarChart>
            )}
          </ResponsiveContainer>
        </div>
      )}
      {rows.length > 0 && view === 'table' && (
        <TableScroll>
          <Table striped withTableBorder>
            <caption style={{ captionSide: 'top', textAlign: 'left' }}>{title}</caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>
                    {r.link ? (
                      <Anchor component={Link} to={r.link}>
                        {format(r.value)}
                      </Anchor>
                    ) : (
                      format(r.value)
                    )}
                  </Table.Td>
                  {(r.extra ?? []).map((x, i) => (
                    <Table.Td key={i}>{typeof x === 'string' ? x : <NumberLink value={x.value} to={x.to} />}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {summary && view === 'chart' && (
        <Text size="sm" mt="xs">
          {summary}
        </Text>
      )}
      {footer}
    </Card>
  );
}
