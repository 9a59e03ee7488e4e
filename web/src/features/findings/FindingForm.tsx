import { useState } from 'react';
import { Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ChecklistItem, Evidence } from '../../../../shared/api/checklists.schemas.js';
import type { Finding } from '../../../../shared/api/findings.schemas.js';
import { findingKinds, findingSeverities, type FindingKind, type FindingSeverity } from '../../../../shared/domain/checklists.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { useRecordFinding, useUpdateFinding } from './findings.api.js';

interface Props {
  inspectionId: string;
  opened: boolean;
  onClose: () => void;
  /** A finding from this checklist item (its group and evidence offered). */
  fromItem?: ChecklistItem | null;
  /** Editing this finding. */
  finding?: Finding | null;
  /** The inspection's content groups and places, to choose from. */
  groups: { code: string; title: string }[];
  /** Checklist evidence the finding may rest on. */
  evidence: Evidence[];
}

/** Records (or edits) a finding: kind, content group, severity (not for a good practice), text, evidence. */
export function FindingFormModal({ inspectionId, opened, onClose, fromItem, finding, groups, evidence }: Props) {
  const t = useT();
  const record = useRecordFinding(inspectionId);
  const update = useUpdateFinding(inspectionId);
  const mutation = finding ? update : record;
  const fieldError = useFieldErrors(mutation.error);
  const [kind, setKind] = useState<FindingKind>(finding?.kind ?? 'shortcoming');
  const [contentGroup, setContentGroup] = useState<string | null>(finding?.contentGroup ?? fromItem?.groupCode ?? groups[0]?.code ?? null);
  const [severity, setSeverity] = useState<FindingSeverity | null>(finding?.severity ?? 'moderate');
  const [title, setTitle] = useState(finding?.title ?? (fromItem ? `${fromItem.code}. ${fromItem.text}`.slice(0, 300) : ''));
  const [text, setText] = useState(finding?.text ?? fromItem?.note ?? fromItem?.textValue ?? '');
  const [recommendation, setRecommendation] = useState(finding?.recommendation ?? '');
  const [evidenceIds, setEvidenceIds] = useState<string[]>(finding?.evidenceIds ?? []);
  const uniqueGroups = [...new Map(groups.map((g) => [g.code, g])).values()];

  const submit = () => {
    const body = {
      kind,
      contentGroup: contentGroup ?? '',
      severity: kind === 'good_practice' ? null : severity,
      title: title.trim(),
      text: text.trim(),
      recommendation: recommendation.trim() || null,
      evidenceIds,
    };
    const done = { onSuccess: onClose };
    if (finding) update.mutate({ id: finding.id, version: finding.version, ...body }, done);
    else record.mutate({ checklistItemId: fromItem?.id ?? null, ...body }, done);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={finding ? t('findings.edit') : t('findings.new')} size="lg">
      <Stack gap="sm">
        {fromItem && (
          <Text size="sm" c="dimmed">
            {t('findings.fromItem', { code: fromItem.code })}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="finding-kind">
            {t('findings.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="finding-kind"
            orientation="vertical"
            fullWidth
            value={kind}
            onChange={(v) => setKind(v as FindingKind)}
            data={findingKinds.map((k) => ({ value: k, label: t(`findings.kind.${k}`) }))}
          />
        </Stack>
        <Select
          label={t('findings.contentGroup')}
          data={uniqueGroups.map((g) => ({ value: g.code, label: g.title }))}
          value={contentGroup}
          onChange={setContentGroup}
          required
          error={fieldError('body.contentGroup')}
        />
        {kind !== 'good_practice' && (
          <Select
            label={t('findings.severity')}
            data={findingSeverities.map((s) => ({ value: s, label: t(`findings.severity.${s}`) }))}
            value={severity}
            onChange={(v) => setSeverity(v as FindingSeverity | null)}
            required
            error={fieldError('body.severity')}
          />
        )}
        <TextInput label={t('findings.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={fieldError('body.title')} />
        <Textarea label={t('findings.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} rows={3} required error={fieldError('body.text')} />
        <Textarea label={t('findings.recommendation')} value={recommendation} onChange={(e) => setRecommendation(e.currentTarget.value)} rows={2} error={fieldError('body.recommendation')} />
        {evidence.length > 0 && (
          <Checkbox.Group label={t('findings.evidence')} value={evidenceIds} onChange={setEvidenceIds}>
            <Stack gap={4} mt={4}>
              {evidence.map((e) => (
                <Checkbox key={e.id} value={e.id} label={e.fileName ?? [e.documentNumber, e.documentTitle].filter(Boolean).join(' — ')} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending} disabled={!title.trim() || !text.trim() || !contentGroup}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
