import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Code, Group, Loader, Pagination, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { JobOverview } from '../../../../shared/api/job-admin.schemas.js';
import { formatDateTime } from '../../i18n/dates.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { warningAlertStyles } from '../plans/plan-labels.js';
import { useFailedJobs, useJobOverview, useRetryJob, useSetDailyRunTime } from './job-admin.api.js';

/** Whether e-mail is on: the first thing an admin wonders when somebody was not told. */
export function MailBanner({ mail }: { mail: JobOverview['mail'] }) {
  const { t } = useI18n();
  return mail.enabled ? (
    <Alert color="green" variant="light">
      {t('mail.on', { from: mail.from ?? '' })}{' '}
      <Anchor component={Link} to="/admin/mail" inherit>
        {t('jobs.mailOutbox')}
      </Anchor>
    </Alert>
  ) : (
    <Alert color="yellow" variant="light" title={t('mail.offTitle')} styles={warningAlertStyles}>
      {t('mail.off')}{' '}
      <Anchor component={Link} to="/admin/mail" inherit>
        {t('jobs.mailOutbox')}
      </Anchor>
    </Alert>
  );
}

function DailyRunTime({ current }: { current: JobOverview['dailyRunTime'] }) {
  const { t } = useI18n();
  const [time, setTime] = useState(current.time);
  const save = useSetDailyRunTime();
  const fieldError = useFieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ time, version: current.version });
      }}
    >
      <Group align="flex-end">
        <TextInput label={t('jobs.dailyRunTime')} description={t('jobs.dailyRunTimeHint')} value={time} onChange={(e) => setTime(e.currentTarget.value)} error={fieldError('time')} w={220} />
        <Button type="submit" variant="default" loading={save.isPending} disabled={time === current.time}>
          {t('common.save')}
        </Button>
      </Group>
      {save.error && !fieldError('time') ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}

/** For admins: the job queues with their counts, the failed jobs (retry one), the daily run time, e-mail on or off. */
export function JobsPage() {
  const { t, language } = useI18n();
  const { can } = useSession();
  const overview = useJobOverview();
  const [page, setPage] = useState(1);
  const failed = useFailedJobs(page);
  const retry = useRetryJob();
  const titleOf = (name: string) => overview.data?.queues.find((q) => q.name === name)?.title[language] ?? name;

  return (
    <Stack>
      <Title order={1} size="h3">
        {t('jobs.title')}
      </Title>
      <ErrorAlert error={overview.error ?? failed.error ?? retry.error} />
      {overview.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {overview.data && (
        <>
          <MailBanner mail={overview.data.mail} />
          <Paper withBorder>
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('jobs.queue')}</Table.Th>
                    <Table.Th>{t('jobs.waiting')}</Table.Th>
                    <Table.Th>{t('jobs.active')}</Table.Th>
                    <Table.Th>{t('jobs.completed')}</Table.Th>
                    <Table.Th>{t('jobs.failed')}</Table.Th>
                    <Table.Th>{t('jobs.schedule')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {overview.data.queues.map((q) => (
                    <Table.Tr key={q.name}>
                      <Table.Td>
                        <Text size="sm">{q.title[language]}</Text>
                        <Code>{q.name}</Code>
                      </Table.Td>
                      <Table.Td>{q.counts.created + q.counts.retry}</Table.Td>
                      <Table.Td>{q.counts.active}</Table.Td>
                      <Table.Td>{q.counts.completed}</Table.Td>
                      <Table.Td>{q.counts.failed > 0 ? <Badge color="red.9">{q.counts.failed}</Badge> : 0}</Table.Td>
                      <Table.Td>
                        <Text size="xs">{q.daily ? t('jobs.daily', { time: overview.data!.dailyRunTime.time }) : q.cron ? <Code>{q.cron}</Code> : t('jobs.onDemand')}</Text>
                        <Text size="xs" c="dimmed">
                          {t('jobs.retries', { limit: q.retryLimit, delay: q.retryDelaySeconds })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {can('jobs.schedule') ? (
            <DailyRunTime key={`${overview.data.dailyRunTime.time}/${overview.data.dailyRunTime.version}`} current={overview.data.dailyRunTime} />
          ) : (
            <Text size="sm">{t('jobs.dailyRunTimeReadOnly', { time: overview.data.dailyRunTime.time })}</Text>
          )}
        </>
      )}
      <Title order={2} size="h4">
        {t('jobs.failedTitle')}
      </Title>
      {failed.data && failed.data.items.length === 0 && <Text c="dimmed">{t('jobs.noFailed')}</Text>}
      {failed.data && failed.data.items.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('jobs.queue')}</Table.Th>
                  <Table.Th>{t('jobs.failedAt')}</Table.Th>
                  <Table.Th>{t('jobs.attempts')}</Table.Th>
                  <Table.Th>{t('jobs.error')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {failed.data.items.map((job) => (
                  <Table.Tr key={job.id}>
                    <Table.Td>{titleOf(job.queue)}</Table.Td>
                    <Table.Td>{formatDateTime(job.failedAt)}</Table.Td>
                    <Table.Td>{job.attempts}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="red.9" style={{ wordBreak: 'break-word' }}>
                        {job.error ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" loading={retry.isPending && retry.variables?.id === job.id} onClick={() => retry.mutate({ queue: job.queue, id: job.id })} aria-label={t('jobs.retryNamed', { title: titleOf(job.queue) })}>
                        {t('jobs.retry')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {failed.data && failed.data.total > 20 && <Pagination value={page} onChange={setPage} total={Math.ceil(failed.data.total / 20)} />}
    </Stack>
  );
}
