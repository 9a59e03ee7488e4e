import { useState } from 'react';
import { Button, Card, Group, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Submission } from '../../../../shared/api/reports.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { useReviewSubmission } from './reports.api.js';

/** The office's review of a submitted report: accept it, or return it with reasons the unit sees. */
export function ReviewPanel({ submission, onReload }: { submission: Submission; onReload: () => void }) {
  const t = useT();
  const review = useReviewSubmission(submission.id);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const act = (move: 'accept' | 'return') =>
    review.mutate(
      { move, version: submission.version, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t(move === 'accept' ? 'reporting.review.accepted' : 'reporting.review.returned') });
          setReturning(false);
          setReason('');
        },
      },
    );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('reporting.review.title')}
        </Title>
        {returning ? (
          <>
            <Textarea label={t('reporting.review.reason')} description={t('reporting.review.reasonHint')} rows={4} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
            <Group>
              <Button color="red" onClick={() => act('return')} loading={review.isPending} disabled={!reason.trim()}>
                {t('reporting.review.confirmReturn')}
              </Button>
              <Button variant="default" onClick={() => setReturning(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button color="green" onClick={() => act('accept')} loading={review.isPending}>
              {t('reporting.review.accept')}
            </Button>
            <Button color="red" variant="outline" onClick={() => setReturning(true)}>
              {t('reporting.review.return')}
            </Button>
          </Group>
        )}
        {review.error != null && (
          <ErrorAlert
            error={review.error}
            onReload={() => {
              review.reset();
              onReload();
            }}
          />
        )}
      </Stack>
    </Card>
  );
}
