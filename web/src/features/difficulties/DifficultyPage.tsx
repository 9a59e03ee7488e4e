import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { DetailList } from '../../components/DetailList.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { AttachmentsField } from '../files/AttachmentsField.js';
import { useDifficulty, useMoveDifficulty } from './difficulties.api.js';
import { statusColor } from './DifficultiesPage.js';
import { responseTimeText } from './response-time.js';

/** One difficulty: what the unit raised, where it stands, the answer; forward, answer, close. */
export function DifficultyPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useDifficulty(id);
  const move = useMoveDifficulty(id);
  const errorFor = useFieldErrors(move.error);
  const [leader, setLeader] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [answer, setAnswer] = useState('');
  if (query.isPending) return <Loader />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const d = query.data;
  const can = (m: 'forward' | 'answer' | 'close') => d.abilities.moves.includes(m);
  return (
    <Stack>
      <Anchor component={Link} to="/difficulties" size="sm">
        ← {t('difficulties.title')}
      </Anchor>
      <Title order={2}>{d.title}</Title>
      <div>
        <Badge color={statusColor[d.status]} variant="light">
          {t(`difficulties.status.${d.status}`)}
        </Badge>
      </div>
      <DetailList
        items={[
          [t('difficulties.unit'), d.agencyName],
          [t('difficulties.area'), d.reformAreaName],
          [t('difficulties.raisedOn'), `${formatDate(d.raisedOn)} — ${d.raisedByName}`],
          [t('difficulties.body'), d.body],
          [t('difficulties.forwardedTo'), d.forwardedToName ? `${d.forwardedToName} (${formatDate(d.forwardedOn)})${d.forwardNote ? ` — ${d.forwardNote}` : ''}` : '—'],
          [t('difficulties.responseTime'), responseTimeText(t, d)],
        ]}
      />
      <AttachmentsField ownerType="difficulty" ownerId={d.id} purpose="attachment" label={t('difficulties.attachments')} />
      <Title order={3}>{t('difficulties.answer')}</Title>
      {d.answer ? (
        <DetailList
          items={[
            [t('difficulties.answer'), d.answer],
            [t('difficulties.answeredBy'), d.answeredByName ?? '—'],
            [t('difficulties.answeredOn'), formatDate(d.answeredOn)],
          ]}
        />
      ) : (
        <Text c="dimmed">{t('difficulties.noAnswer')}</Text>
      )}
      <AttachmentsField ownerType="difficulty" ownerId={d.id} purpose="answer_attachment" label={t('difficulties.answerAttachments')} />
      {can('forward') && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={4}>{t('difficulties.forward')}</Title>
            <Select label={t('difficulties.forward.leader')} required data={d.forwardTargets.map((l) => ({ value: l.userId, label: l.fullName }))} value={leader} onChange={setLeader} error={errorFor('leaderUserId')} />
            <Textarea label={t('difficulties.forward.note')} rows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errorFor('note')} />
            <Group>
              <Button onClick={() => move.mutate({ move: 'forward', version: d.version, leaderUserId: leader, ...(note.trim() ? { note } : {}) })} loading={move.isPending} disabled={!leader}>
                {t('difficulties.forward')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {can('answer') && (
        <Paper withBorder p="md">
          <Stack>
            <Textarea label={t('difficulties.answer')} required rows={4} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} error={errorFor('answer')} />
            <Group>
              <Button onClick={() => move.mutate({ move: 'answer', version: d.version, answer })} loading={move.isPending} disabled={!answer.trim()}>
                {t('difficulties.doAnswer')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {can('close') && (
        <Group>
          <Button variant="default" onClick={() => move.mutate({ move: 'close', version: d.version })} loading={move.isPending}>
            {t('difficulties.close')}
          </Button>
        </Group>
      )}
      {move.error && <ErrorAlert error={move.error} onReload={() => void query.refetch()} />}
    </Stack>
  );
}
