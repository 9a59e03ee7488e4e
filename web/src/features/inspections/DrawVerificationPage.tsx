import { Alert, Badge, Card, Code, Container, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { DrawVerification } from '../../../../shared/api/draws.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../i18n/dates.js';
import { DRAW_ALGORITHM, drawFromPool } from '../../../../shared/domain/unannounced-draw.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { TableScroll } from '../../components/TableScroll.js';

/** SHA-256 in lowercase hex over UTF-8, in the browser (Web Crypto): the page checks the hashes itself, not only the server. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The draw redone in the browser with the server's own pure function (shared/domain/unannounced-draw.ts):
 * Web Crypto hashes asynchronously, so the k step hashes SHA-256("<seed>:<j>") are computed first
 * and handed to `drawFromPool` as a lookup.
 */
export async function drawInBrowser(seed: string, pool: DrawVerification['pool'], k: number): Promise<string[]> {
  const texts = Array.from({ length: Math.min(k, pool.length) }, (_, j) => `${seed}:${j}`);
  const hashes = new Map(await Promise.all(texts.map(async (x) => [x, await sha256Hex(x)] as const)));
  return drawFromPool(seed, pool, k, (x) => {
    const h = hashes.get(x);
    if (!h) throw new Error(`no hash of ${x}`);
    return h;
  });
}

/**
 * /verify-draw/:id — anyone, signed in or not, checks a revealed draw: the seed and the pool
 * against the hashes stored with the draw, and the draw computed again. The browser recomputes both
 * hashes and the draw itself; its result is shown beside the server's and the stored one. Every
 * draw of the plan up to this one is listed, so a draw made again cannot be hidden.
 */
export function DrawVerificationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const v = useQuery({ queryKey: ['draw-verification', id], queryFn: ({ signal }) => api.get<DrawVerification>(`/api/public/unannounced-draws/${encodeURIComponent(id)}`, undefined, signal), retry: false });
  const local = useQuery({
    queryKey: ['draw-verification', id, 'local'],
    enabled: !!v.data,
    queryFn: async () => ({ seedHash: await sha256Hex(v.data!.seed), poolHash: await sha256Hex(v.data!.canonicalPool), drawn: await drawInBrowser(v.data!.seed, v.data!.pool, v.data!.k) }),
  });
  const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
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
            <Text size="sm">
              {t('draws.sequence')} {v.data.sequence} — {t(`draws.status.${v.data.status}`)}. {t('draws.verifyWhen', { created: formatDateTime(v.data.createdAt), revealed: formatDateTime(v.data.revealedAt) })}
            </Text>
            {v.data.supersedeReason && (
              <Text size="sm">
                {t('draws.supersedeReason')}: {v.data.supersedeReason}
              </Text>
            )}
            <Card withBorder>
              <TableScroll>
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
                      <Table.Td>{local.data ? ok(sameList(local.data.drawn, v.data.drawn)) : <Loader size="xs" />}</Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </TableScroll>
              <Text size="xs" c="dimmed">
                {t('draws.checkColumns')}
              </Text>
            </Card>
            {!(v.data.checks.seedMatches && v.data.checks.poolMatches && v.data.checks.drawMatches) && <Alert color="red">{t('draws.mismatch')}</Alert>}
            <Card withBorder>
              <Title order={2} size="h4">
                {t('draws.drawn')}
              </Title>
              <TableScroll>
                <Table aria-label={t('draws.drawn')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>#</Table.Th>
                      <Table.Th>{t('draws.stored')}</Table.Th>
                      <Table.Th>{t('draws.byServer')}</Table.Th>
                      <Table.Th>{t('draws.byBrowser')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {v.data.drawn.map((a, i) => (
                      <Table.Tr key={a}>
                        <Table.Td>{i + 1}</Table.Td>
                        <Table.Td>{names.get(a) ?? a}</Table.Td>
                        <Table.Td>{names.get(v.data.recomputed[i]) ?? v.data.recomputed[i] ?? '—'}</Table.Td>
                        <Table.Td>{local.data ? (names.get(local.data.drawn[i]) ?? local.data.drawn[i] ?? '—') : <Loader size="xs" />}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4">
                {t('draws.pool')}
              </Title>
              <TableScroll>
                <Table aria-label={t('draws.pool')}>
                  <Table.Tbody>
                    {v.data.pool.map((c) => (
                      <Table.Tr key={c.agencyId}>
                        <Table.Td>{c.name}</Table.Td>
                        <Table.Td>{c.unitName}</Table.Td>
                        <Table.Td>
                          {t('draws.weight')} {c.weight}
                        </Table.Td>
                        <Table.Td>
                          <Code>{c.agencyId}</Code>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4">
                {t('draws.planDraws')}
              </Title>
              <TableScroll>
                <Table aria-label={t('draws.planDraws')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('draws.sequence')}</Table.Th>
                      <Table.Th>{t('draws.createdAt')}</Table.Th>
                      <Table.Th>{t('draws.status')}</Table.Th>
                      <Table.Th>{t('draws.seedHash')}</Table.Th>
                      <Table.Th>{t('draws.poolHash')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {v.data.planDraws.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>{d.sequence}</Table.Td>
                        <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                        <Table.Td>
                          {t(`draws.status.${d.status}`)}
                          {d.supersedeReason ? ` — ${d.supersedeReason}` : ''}
                        </Table.Td>
                        <Table.Td>
                          <Code>{d.seedHash}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Code>{d.poolHash}</Code>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
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
