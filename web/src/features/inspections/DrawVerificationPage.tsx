import { Alert, Badge, Card, Code, Container, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { DrawVerification } from '../../../../shared/api/draws.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../i18n/dates.js';
import { DRAW_ALGORITHM } from '../../../../shared/domain/unannounced-draw.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';

/** SHA-256 in lowercase hex over UTF-8, in the browser (Web Crypto): the page checks the hashes itself, not only the server. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * /verify-draw/:id — anyone, signed in or not, checks a revealed draw: the seed and the pool
 * against the hashes committed before the draw, and the draw computed again. The browser
 * recomputes both hashes itself; the server's recomputation of the draw is shown beside the stored one.
 */
export function DrawVerificationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const v = useQuery({ queryKey: ['draw-verification', id], queryFn: ({ signal }) => api.get<DrawVerification>(`/api/public/unannounced-draws/${encodeURIComponent(id)}`, undefined, signal), retry: false });
  const local = useQuery({
    queryKey: ['draw-verification', id, 'local'],
    enabled: !!v.data,
    queryFn: async () => ({ seedHash: await sha256Hex(v.data!.seed), poolHash: await sha256Hex(v.data!.canonicalPool) }),
  });
  const names = new Map((v.data?.pool ?? []).map((c) => [c.agencyId, `${c.name} — ${c.unitName}`]));
  const ok = (b: boolean | undefined) => (b ? <Badge color="green">{t('draws.check.ok')}</Badge> : <Badge color="red">{t('draws.check.bad')}</Badge>);
  return (
    <Container size="md" py="md">
      <Stack>
        <Title order={1} size="h2">
          {t('draws.verifyTitle')}
        </Title>
        {v.isPending && <Loader />}
        {v.error && <ErrorAlert error={v.error} />}
        {v.data && (
          <>
            <Text size="sm">{t('draws.verifyWhen', { created: formatDateTime(v.data.createdAt), revealed: formatDateTime(v.data.revealedAt) })}</Text>
            <Card withBorder>
              <Table aria-label={t('draws.checks')}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Td>{t('draws.check.seed')}</Table.Td>
                    <Table.Td>{ok(v.data.checks.seedMatches)}</Table.Td>
                    <Table.Td>{local.data ? ok(local.data.seedHash === v.data.seedHash) : <Loader size="xs" />}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t('draws.check.pool')}</Table.Td>
                    <Table.Td>{ok(v.data.checks.poolMatches)}</Table.Td>
                    <Table.Td>{local.data ? ok(local.data.poolHash === v.data.poolHash) : <Loader size="xs" />}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t('draws.check.draw')}</Table.Td>
                    <Table.Td>{ok(v.data.checks.drawMatches)}</Table.Td>
                    <Table.Td />
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed">
                {t('draws.checkColumns')}
              </Text>
            </Card>
            {!(v.data.checks.seedMatches && v.data.checks.poolMatches && v.data.checks.drawMatches) && <Alert color="red">{t('draws.mismatch')}</Alert>}
            <Card withBorder>
              <Title order={2} size="h4">
                {t('draws.drawn')}
              </Title>
              <Table aria-label={t('draws.drawn')}>
                <Table.Tbody>
                  {v.data.drawn.map((a, i) => (
                    <Table.Tr key={a}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>{names.get(a) ?? a}</Table.Td>
                      <Table.Td>{v.data.recomputed[i] === a ? '✓' : '✗'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder>
              {/* The algorithm explained in the reader's language; an algorithm this page does not know, as the server words it. */}
              <Text size="sm">{v.data.algorithm === DRAW_ALGORITHM ? t('draws.algorithmText') : v.data.description}</Text>
              <Group gap="xs" mt="xs">
                <Text size="xs">{t('draws.seed')}:</Text>
                <Code>{v.data.seed}</Code>
              </Group>
              <Text size="xs" mt="xs">
                {t('draws.seedHash')}: <Code>{v.data.seedHash}</Code>
              </Text>
              <Text size="xs">
                {t('draws.poolHash')}: <Code>{v.data.poolHash}</Code>
              </Text>
              <Text size="xs" mt="xs">
                {t('draws.canonicalPool')}
              </Text>
              <Code block>{v.data.canonicalPool}</Code>
            </Card>
          </>
        )}
      </Stack>
    </Container>
  );
}
