import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { Minutes, MinutesContent } from '../../../../shared/api/minutes.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.vi.js';
import { useSaveMinutes } from './minutes.api.js';

type Person = MinutesContent['unitRepresentatives'][number];
type LineKey = 'strengths' | 'shortcomings' | 'requests' | 'unitComments';
type TextKey = 'place' | 'startTime' | 'closingTime' | 'unitSignerPosition' | 'unitSignerName' | 'teamLeaderName' | 'secretaryName';

const textFields: { key: TextKey; label: MessageKey }[] = [
  { key: 'place', label: 'minutes.field.place' },
  { key: 'startTime', label: 'minutes.field.startTime' },
  { key: 'closingTime', label: 'minutes.field.closingTime' },
  { key: 'unitSignerPosition', label: 'minutes.field.unitSignerPosition' },
  { key: 'unitSignerName', label: 'minutes.field.unitSignerName' },
  { key: 'teamLeaderName', label: 'minutes.field.teamLeaderName' },
  { key: 'secretaryName', label: 'minutes.field.secretaryName' },
];
const lineFields: { key: LineKey; label: MessageKey }[] = [
  { key: 'strengths', label: 'minutes.field.strengths' },
  { key: 'shortcomings', label: 'minutes.field.shortcomings' },
  { key: 'requests', label: 'minutes.field.requests' },
  { key: 'unitComments', label: 'minutes.field.unitComments' },
];

/** One person a line, "name, position" (the position may itself hold commas). */
const personsText = (ps: Person[]) => ps.map((p) => (p.position ? `${p.name}, ${p.position}` : p.name)).join('\n');
const parsePersons = (s: string): Person[] =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf(',');
      return i < 0 ? { name: l, position: '' } : { name: l.slice(0, i).trim(), position: l.slice(i + 1).trim() };
    });
const splitLines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

/**
 * The draft minutes' content the team completes before finalising: the unit's representatives and
 * signer, the team's assessment, the unit's comments, the times. PATCH /api/minutes/{id} with the
 * version read (409 when someone saved in between: reload). Field errors — the save's or the
 * finalisation's (`errorOf`) — are shown on their field.
 */
export function MinutesEditor({ m, errorOf: finalizeErrorOf }: { m: Minutes; errorOf: (field: string) => string | undefined }) {
  const t = useT();
  const save = useSaveMinutes(m.inspectionId);
  const [texts, setTexts] = useState<Record<TextKey, string>>(() => Object.fromEntries(textFields.map((f) => [f.key, m.content[f.key]])) as Record<TextKey, string>);
  const [lines, setLines] = useState<Record<LineKey, string>>(() => Object.fromEntries(lineFields.map((f) => [f.key, m.content[f.key].join('\n')])) as Record<LineKey, string>);
  const [representatives, setRepresentatives] = useState(() => personsText(m.content.unitRepresentatives));
  const saveErrors = useFieldErrors(save.error);
  const errorOf = (field: string) => saveErrors(field) ?? finalizeErrorOf(field);
  const submit = () => {
    const content: Partial<MinutesContent> = { ...texts, unitRepresentatives: parsePersons(representatives) };
    for (const f of lineFields) content[f.key] = splitLines(lines[f.key]);
    save.mutate({ id: m.id, version: m.version, content });
  };
  return (
    <Stack gap="sm" component="form" aria-labelledby="minutes-editor-title" onSubmit={(e) => (e.preventDefault(), submit())}>
      <Title order={3} size="h5" id="minutes-editor-title">
        {t('minutes.editTitle')}
      </Title>
      <Textarea
        label={t('minutes.field.unitRepresentatives')}
        description={t('minutes.field.onePersonPerLine')}
        rows={2}
        value={representatives}
        onChange={(e) => setRepresentatives(e.currentTarget.value)}
        error={errorOf('content.unitRepresentatives')}
      />
      {textFields.map((f) => (
        <TextInput key={f.key} label={t(f.label)} value={texts[f.key]} onChange={(e) => setTexts({ ...texts, [f.key]: e.currentTarget.value })} error={errorOf(`content.${f.key}`)} />
      ))}
      {lineFields.map((f) => (
        <Textarea
          key={f.key}
          label={t(f.label)}
          description={t('conclusions.oneParagraphPerLine')}
          rows={2}
          value={lines[f.key]}
          onChange={(e) => setLines({ ...lines, [f.key]: e.currentTarget.value })}
          error={errorOf(`content.${f.key}`)}
        />
      ))}
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {save.isSuccess && (
        <Text c="green" size="sm" role="status">
          {t('conclusions.saved')}
        </Text>
      )}
      <Group>
        <Button type="submit" variant="light" loading={save.isPending}>
          {t('minutes.save')}
        </Button>
      </Group>
    </Stack>
  );
}
