import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { Submission } from '../../../../shared/api/reports.schemas.js';
import { attachmentPurpose } from '../../../../shared/domain/report-attachments.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fieldMessageKey } from '../../i18n/errors.js';
import { formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../lib/api-client.js';
import { AttachmentsField } from '../files/AttachmentsField.js';
import { DataTableInput } from './DataTableInput.js';
import { TablesFormXlsx } from './TablesFormXlsx.js';
import { draftFromContent, tablesOf } from './submission-draft.js';
import { useSubmissionDraft, type DraftConflict, type SaveState } from './use-submission-draft.js';
import { TableScroll } from '../../components/TableScroll.js';

const saveStateKey = {
  saved: 'reporting.save.saved',
  unsaved: 'reporting.save.unsaved',
  saving: 'reporting.save.saving',
  offline: 'reporting.save.offline',
  conflict: 'reporting.save.conflict',
  error: 'reporting.save.error',
} as const satisfies Record<SaveState, string>;

/** The other person's version, shown beside the choice (never overwritten silently). */
function ConflictPanel({ submission, conflict, onKeepMine, onTakeTheirs }: { submission: Submission; conflict: DraftConflict; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const t = useT();
  const body = submission.template.body;
  const theirs = draftFromContent(body, conflict.content);
  return (
    <Alert color="orange" variant="light" role="alert" title={t('reporting.conflict.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('reporting.conflict.text', { name: conflict.updatedByName ?? t('reporting.conflict.someone'), at: formatDateTime(conflict.updatedAt) })}</Text>
        <Card withBorder padding="xs" aria-label={t('reporting.conflict.theirs')}>
          <Text size="sm" fw={700}>
            {t('reporting.conflict.theirs')}
          </Text>
          {body.items.map((item) =>
            item.type === 'section' ? (
              item.answer && (
                <div key={item.key}>
                  <Text size="sm" fw={600}>
                    {item.heading}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`theirs-${item.key}`}>
                    {theirs.answers[item.key] || '—'}
                  </Text>
                </div>
              )
            ) : (
              <div key={item.key}>
                <Text size="sm" fw={600}>
                  {item.title}
                </Text>
                <TableScroll>
                  <Table>
                    <Table.Tbody>
                      {(theirs.cells[item.key] ?? []).map((row, r) => (
                        <Table.Tr key={r}>
                          {item.columns.map((c) => (
                            <Table.Td key={c.key}>{row[c.key]}</Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableScroll>
              </div>
            ),
          )}
        </Card>
        <Group>
          <Button color="orange" onClick={onKeepMine}>
            {t('reporting.conflict.keepMine')}
          </Button>
          <Button variant="default" onClick={onTakeTheirs}>
            {t('reporting.conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The field messages of a refused submit (an unanswered section, a missing attachment). */
function SubmitError({ error, submission }: { error: unknown; submission: Submission }) {
  const t = useT();
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || error.invalidParams.length === 0) return <ErrorAlert error={error} />;
  const body = submission.template.body;
  return (
    <Alert color="red" variant="light" role="alert" title={t('reporting.form.submitRefused')}>
      {error.invalidParams.map((p) => {
        const section = /answers\.([a-z0-9_]+)$/.exec(p.name)?.[1];
        const purpose = /^attachments\.([a-z0-9_]+)$/.exec(p.name)?.[1];
        const what = section
          ? body.items.flatMap((i) => (i.type === 'section' && i.key === section ? [i.heading] : []))[0]
          : purpose
            ? body.attachments.find((a, i) => attachmentPurpose(a, i) === purpose)?.label
            : null;
        return (
          <Text size="sm" key={p.name}>
            {what ? `${what}: ` : ''}
            {t(fieldMessageKey(p.code))}
          </Text>
        );
      })}
    </Alert>
  );
}

interface SubmissionFormProps {
  submission: Submission;
  /** How long after the last keystroke the draft is sent (tests shorten it). */
  autosaveDelayMs?: number;
}

/**
 * The unit's report, rendered from its template: a text answer per section, the data tables with
 * type checks and totals as one types, the attachments; autosaved (see useSubmissionDraft) and
 * submitted from here. Read-only once it is not the caller's to edit.
 */
export function SubmissionForm({ submission, autosaveDelayMs = 1500 }: SubmissionFormProps) {
  const t = useT();
  const editable = submission.abilities.edit;
  const draft = useSubmissionDraft(submission, { delayMs: autosaveDelayMs, editable });
  const [submitting, setSubmitting] = useState(false);
  const body = submission.template.body;
  const claimed = new Set(body.attachments.map((a, i) => attachmentPurpose(a, i)));
  const problems = Object.keys(draft.problems).length;
  const readOnly = !editable || draft.saveState === 'conflict';

  const submit = async () => {
    setSubmitting(true);
    await draft.submit();
    setSubmitting(false);
  };

  return (
    <Stack>
      {editable && (
        <Group justify="space-between" role="status" aria-live="polite">
          <Text size="sm" c={draft.saveState === 'offline' || draft.saveState === 'error' ? 'red' : 'dimmed'} data-testid="save-state">
            {t(saveStateKey[draft.saveState])}
          </Text>
          {(draft.saveState === 'offline' || draft.saveState === 'error') && (
            <Button size="xs" variant="default" onClick={draft.retry}>
              {t('reporting.save.retry')}
            </Button>
          )}
        </Group>
      )}
      {editable && draft.restored && (
        <Alert color="blue" variant="light" title={t('reporting.form.restoredTitle')}>
          <Text size="sm">{t('reporting.form.restored')}</Text>
        </Alert>
      )}
      {draft.conflict && <ConflictPanel submission={submission} conflict={draft.conflict} onKeepMine={draft.keepMine} onTakeTheirs={draft.takeTheirs} />}
      {body.items.map((item) =>
        item.type === 'section' ? (
          <Stack key={item.key} gap={4}>
            <Title order={3} size="h5">
              {item.heading}
            </Title>
            {item.guidance && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {item.guidance}
              </Text>
            )}
            {item.answer &&
              (readOnly ? (
                <Text style={{ whiteSpace: 'pre-wrap' }}>{draft.state.answers[item.key] || '—'}</Text>
              ) : (
                <Textarea
                  aria-label={item.heading}
                  rows={5}
                  value={draft.state.answers[item.key] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    draft.update((s) => ({ ...s, answers: { ...s.answers, [item.key]: value } }));
                  }}
                />
              ))}
          </Stack>
        ) : (
          <Stack key={item.key} gap={4}>
            <Title order={3} size="h5">
              {item.title}
            </Title>
            {item.guidance && (
              <Text size="sm" c="dimmed">
                {item.guidance}
              </Text>
            )}
            <DataTableInput
              table={item}
              rows={draft.state.cells[item.key] ?? []}
              problems={draft.problems}
              readOnly={readOnly}
              onCell={(row, column, value) =>
                draft.update((s) => ({ ...s, cells: { ...s.cells, [item.key]: s.cells[item.key].map((r, i) => (i === row ? { ...r, [column]: value } : r)) } }))
              }
              onAddRow={() => draft.update((s) => ({ ...s, cells: { ...s.cells, [item.key]: [...(s.cells[item.key] ?? []), Object.fromEntries(item.columns.map((c) => [c.key, '']))] } }))}
              onRemoveRow={(row) => draft.update((s) => ({ ...s, cells: { ...s.cells, [item.key]: s.cells[item.key].filter((_, i) => i !== row) } }))}
            />
          </Stack>
        ),
      )}
      {tablesOf(body).length === 0 && body.items.length === 0 && <Text c="dimmed">{t('reporting.form.emptyTemplate')}</Text>}
      {tablesOf(body).length > 0 && <TablesFormXlsx submission={submission} editable={editable} settled={draft.saveState === 'saved'} baseVersion={draft.baseVersion} onFilled={draft.replaceFromServer} />}
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('reporting.form.attachments')}
        </Title>
        {body.attachments.map((a, i) => (
          <AttachmentsField key={i} ownerType="report_submission" ownerId={submission.id} purpose={attachmentPurpose(a, i)} label={a.required ? `${a.label} (${t('reporting.form.required')})` : a.label} />
        ))}
        {/* The report made outside and evidence, unless one of the template's attachments is kept as it. */}
        {!claimed.has('report_file') && <AttachmentsField ownerType="report_submission" ownerId={submission.id} purpose="report_file" label={t('reporting.form.reportFile')} />}
        {!claimed.has('evidence') && <AttachmentsField ownerType="report_submission" ownerId={submission.id} purpose="evidence" label={t('reporting.form.evidence')} />}
      </Stack>
      {draft.error != null && <SubmitError error={draft.error} submission={submission} />}
      {submission.abilities.submit && (
        <Group>
          <Button onClick={() => void submit()} loading={submitting} disabled={problems > 0 || draft.saveState === 'conflict'}>
            {t('reporting.form.submit')}
          </Button>
          {problems > 0 && (
            <Text size="sm" c="red">
              {t('reporting.form.fixCells', { n: problems })}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
