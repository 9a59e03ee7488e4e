import { useState } from 'react';
import { Anchor, Button, Card, Group, Image, Loader, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { currentYear, formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { useGoodPractices } from './findings.api.js';

/**
 * /good-practices — the library of good practices and initiatives found by inspections, across
 * years and units ("phát hiện kịp thời những sáng kiến … để nhân rộng"); the search ignores
 * diacritics (the server's f_unaccent).
 */
export function GoodPracticesPage() {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const list = useGoodPractices({ q, year, contentGroup: null, page });
  const years = Array.from({ length: 12 }, (_, i) => String(currentYear() - i));

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('goodPractices.title')}
      </Title>
      <Group
        component="form"
        align="flex-end"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(typed);
          setPage(1);
        }}
      >
        <TextInput label={t('goodPractices.search')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
        <Select
          label={t('goodPractices.year')}
          data={years}
          value={year ? String(year) : null}
          onChange={(v) => {
            setYear(v ? Number(v) : null);
            setPage(1);
          }}
          clearable
          w={120}
        />
        <Button type="submit">{t('common.search')}</Button>
      </Group>
      {list.isPending ? (
        <Loader />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('goodPractices.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('goodPractices.total', { total: list.data.total })}
          </Text>
          {list.data.items.map((g) => (
            <Card key={g.id} withBorder component="article" aria-label={g.title}>
              <Group align="flex-start" wrap="nowrap">
                {g.photoUrls[0] && <Image src={g.photoUrls[0]} alt="" w={96} h={96} fit="cover" radius="sm" />}
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Text fw={600}>{g.title}</Text>
                  <Text size="sm" c="dimmed">
                    {g.agencyName} · {g.unitName} · {g.year} · {t('goodPractices.visited', { date: formatDate(g.visitedOn) })}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {g.text}
                  </Text>
                  {g.recommendation && <Text size="sm">{g.recommendation}</Text>}
                  <Anchor component={Link} to={`/inspections/${g.inspectionId}`} size="sm">
                    {t('goodPractices.openInspection')}
                  </Anchor>
                </Stack>
              </Group>
            </Card>
          ))}
          {list.data.total > 20 && <Pagination total={Math.ceil(list.data.total / 20)} value={page} onChange={setPage} />}
        </>
      )}
    </Stack>
  );
}
