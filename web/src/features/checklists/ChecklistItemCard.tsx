import { useEffect, useRef, useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Image, NumberInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ChecklistItem, Evidence } from '../../../../shared/api/checklists.schemas.js';
import { ratings, type Rating } from '../../../../shared/domain/checklists.js';
import { DateField } from '../../components/DateField.js';
import { formatDate, formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import type { AnswerValues, QueuedOp } from './offline/queue.js';
import { preparePhoto } from './photo.js';
import type { useOutbox } from './use-outbox.js';

type Outbox = ReturnType<typeof useOutbox>;

interface Props {
  item: ChecklistItem & { waiting: boolean };
  pending: QueuedOp[];
  outbox: Outbox;
  canFill: boolean;
  onRecordFinding?: (item: ChecklistItem) => void;
  onHistory: (item: ChecklistItem) => void;
  onRemoveEvidence?: (e: Evidence) => void;
}

const valuesOf = (i: AnswerValues): AnswerValues => ({ rating: i.rating, numberValue: i.numberValue, textValue: i.textValue, note: i.note });

/**
 * One item on the phone: its answer (rating, figure or text) and note autosave a moment after
 * typing stops and when the field is left; evidence is queued at once. Everything goes through
 * the device's outbox, so it is the same online and offline.
 */
export function ChecklistItemCard({ item, pending, outbox, canFill, onRecordFinding, onHistory, onRemoveEvidence }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<AnswerValues>(() => valuesOf(item));
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [docOpen, setDocOpen] = useState(false);

  // Take the server's answer (another member's save, a sync) unless this person is typing.
  const shownKey = `${item.version}|${item.rating}|${item.numberValue}|${item.textValue}|${item.note}`;
  useEffect(() => {
    if (!dirty.current) setDraft(valuesOf(item));
  }, [shownKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = (values: AnswerValues) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    dirty.current = false;
    const same = values.rating === item.rating && values.numberValue === item.numberValue && (values.textValue || null) === item.textValue && (values.note || null) === item.note;
    if (!same) outbox.save(item, { ...values, textValue: values.textValue || null, note: values.note || null });
  };
  const type = (values: AnswerValues) => {
    setDraft(values);
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(values), 1500);
  };
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const uploads = pending.filter((o) => o.itemId === item.id && o.type !== 'answer');
  const failed = pending.filter((o) => o.itemId === item.id && o.failedCode !== null);
  const labelId = `item-${item.id}`;

  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={labelId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} id={labelId}>
            {item.code}. {item.text}
          </Text>
          {item.waiting && (
            <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
              {t('checklists.waiting')}
            </Badge>
          )}
        </Group>
        {item.guidance && (
          <Text size="sm" c="dimmed">
            {item.guidance}
          </Text>
        )}
        {item.evidenceRequired && (
          <Badge variant="outline" size="sm">
            {t('checklists.evidenceRequired')}
          </Badge>
        )}
        {item.answerType === 'rating' && (
          <Radio.Group
            label={t('checklists.rating')}
            value={draft.rating ?? ''}
            onChange={(v) => {
              const values = { ...draft, rating: v as Rating };
              setDraft(values);
              commit(values);
            }}
          >
            <Group gap="md" mt={4}>
              {ratings.map((r) => (
                <Radio key={r} value={r} label={t(`checklists.rating.${r}`)} disabled={!canFill} />
              ))}
            </Group>
          </Radio.Group>
        )}
        {item.answerType === 'number' && (
          <NumberInput
            label={t('checklists.number')}
            value={draft.numberValue ?? ''}
            decimalScale={2}
            inputMode="decimal"
            disabled={!canFill}
            onChange={(v) => type({ ...draft, numberValue: typeof v === 'number' ? v : v === '' ? null : Number(v) })}
            onBlur={() => dirty.current && commit(draft)}
          />
        )}
        {item.answerType === 'text' && (
          <Textarea
            label={t('checklists.text')}
            rows={2}
            value={draft.textValue ?? ''}
            disabled={!canFill}
            onChange={(e) => type({ ...draft, textValue: e.currentTarget.value })}
            onBlur={() => dirty.current && commit(draft)}
          />
        )}
        <Textarea
          label={t('checklists.note')}
          rows={1}
          value={draft.note ?? ''}
          disabled={!canFill}
          onChange={(e) => type({ ...draft, note: e.currentTarget.value })}
          onBlur={() => dirty.current && commit(draft)}
        />
        {item.editedByName && item.editedAt && (
          <Text size="xs" c="dimmed">
            {t('checklists.editedBy', { name: item.editedByName, time: formatDateTime(item.editedAt) })}
          </Text>
        )}
        {(item.evidence.length > 0 || uploads.length > 0) && <EvidenceList evidence={item.evidence} uploads={uploads} onRemove={canFill ? onRemoveEvidence : undefined} />}
        {failed.map((o) => (
          <Group key={o.key} gap="xs">
            <Text size="sm" c="red">
              {t('checklists.sync.failed', { message: o.failedCode ?? '' })}
            </Text>
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => outbox.discard(o.key)}>
              {t('checklists.sync.discard')}
            </Button>
          </Group>
        ))}
        {canFill && (
          <Group gap="xs">
            <FilePick
              label={t('checklists.takePhoto')}
              accept="image/*"
              capture="environment"
              onFile={async (file) => {
                const photo = await preparePhoto(file);
                outbox.addUpload(item, { kind: 'photo', ...photo });
              }}
            />
            <FilePick
              label={t('checklists.attachFile')}
              accept=".pdf,.docx,.xlsx,image/*,application/pdf"
              onFile={(file) => outbox.addUpload(item, { kind: 'file', blob: file, fileName: file.name, capturedAt: null })}
            />
            <Button size="xs" variant="light" onClick={() => setDocOpen((o) => !o)}>
              {t('checklists.addDocument')}
            </Button>
          </Group>
        )}
        {docOpen && (
          <DocumentForm
            onCancel={() => setDocOpen(false)}
            onSave={(d) => {
              outbox.addDocument(item, d);
              setDocOpen(false);
            }}
          />
        )}
        <Group gap="xs">
          {onRecordFinding && (
            <Button size="xs" variant="subtle" onClick={() => onRecordFinding(item)}>
              {t('checklists.recordFinding')}
            </Button>
          )}
          <Button size="xs" variant="subtle" color="gray" onClick={() => onHistory(item)}>
            {t('checklists.history')}
          </Button>
          {item.conflicts > 0 && (
            <Badge color="yellow" variant="light">
              {t('checklists.conflicts', { count: item.conflicts })}
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** A button that opens the file picker (or the camera, with `capture`); the input stays labelled for tests and screen readers. */
function FilePick({ label, accept, capture, onFile }: { label: string; accept: string; capture?: 'environment'; onFile: (file: File) => void | Promise<void> }) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="xs" variant="light" onClick={() => ref.current?.click()}>
        {label}
      </Button>
      <input
        ref={ref}
        type="file"
        aria-label={label}
        accept={accept}
        capture={capture}
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void onFile(file);
        }}
      />
    </>
  );
}

function EvidenceList({ evidence, uploads, onRemove }: { evidence: Evidence[]; uploads: QueuedOp[]; onRemove?: (e: Evidence) => void }) {
  const t = useT();
  return (
    <Stack gap={4} aria-label={t('checklists.evidence')} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {evidence.map((e) => (
        <Group component="li" key={e.id} gap="xs" wrap="nowrap">
          {e.kind === 'photo' && e.url && <Image src={e.url} alt={e.fileName ?? ''} w={64} h={64} fit="cover" radius="sm" />}
          <Stack gap={0} style={{ minWidth: 0 }}>
            {e.kind === 'document' ? (
              <Text size="sm">
                {[e.documentNumber, e.documentTitle, e.documentDate ? formatDate(e.documentDate) : null].filter(Boolean).join(' — ')}
              </Text>
            ) : (
              <Anchor size="sm" href={e.url ?? undefined} target="_blank" rel="noreferrer">
                {e.fileName}
              </Anchor>
            )}
            {e.capturedAt && (
              <Text size="xs" c="dimmed">
                {t('checklists.photoTakenAt', { time: formatDateTime(e.capturedAt) })}
              </Text>
            )}
          </Stack>
          {onRemove && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRemove(e)} aria-label={t('checklists.remove')}>
              ×
            </Button>
          )}
        </Group>
      ))}
      {uploads.map((o) => (
        <Group component="li" key={o.key} gap="xs">
          <Badge color="orange" variant="light">
            {t('checklists.waiting')}
          </Badge>
          <Text size="sm">{o.type === 'upload' ? o.fileName : o.type === 'document' ? o.documentTitle : ''}</Text>
        </Group>
      ))}
    </Stack>
  );
}

function DocumentForm({ onSave, onCancel }: { onSave: (d: { documentTitle: string; documentNumber: string | null; documentDate: string | null; note: string | null }) => void; onCancel: () => void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs">
      <TextInput label={t('checklists.document.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
      <TextInput label={t('checklists.document.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
      <DateField label={t('checklists.document.date')} value={date} onChange={setDate} />
      <TextInput label={t('checklists.document.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group gap="xs">
        <Button size="xs" disabled={!title.trim()} onClick={() => onSave({ documentTitle: title.trim(), documentNumber: number.trim() || null, documentDate: date, note: note.trim() || null })}>
          {t('common.save')}
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
