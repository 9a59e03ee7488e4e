import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Escalation, EscalationContent } from '../../../../shared/api/escalations.schemas.js';
import type { EscalationForm } from '../../../../shared/domain/follow-up.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { DateField } from '../../components/DateField.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useLastInRegisterHint } from '../../components/last-in-register.js';
import { formatDate, todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.vi.js';
import { DocumentLinks } from '../plans/DocumentLinks.js';
import { useEscalation, useEscalationStep } from './followup.api.js';
import { escalationColor } from './labels.js';

type LineKey = 'addressees' | 'body' | 'recipients';
const lineFields: { key: LineKey; label: MessageKey }[] = [
  { key: 'addressees', label: 'escalations.addressees' },
  { key: 'body', label: 'escalations.body' },
  { key: 'recipients', label: 'conclusions.section.recipients' },
];
const split = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

/**
 * A proposal for a public-service inspection: the draft (Tờ trình or công văn) edited by the
 * office, issued with a number, then the public-service team's answer and its result — tracked
 * from "proposed" to "result recorded".
 */
export function EscalationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const q = useEscalation(id);
  if (q.isPending) return <Loader aria-label={t('app.loading')} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <EscalationView e={q.data} />;
}

export function EscalationView({ e }: { e: Escalation }) {
  const t = useT();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('escalations.title')} — {e.agencyName}
        </Title>
        <Anchor component={Link} to={`/inspections/${e.inspectionId}`}>
          {t('conclusions.backToInspection')}
        </Anchor>
      </Group>
      <Group gap="xs">
        <Badge color={escalationColor[e.status]}>{t(`escalations.status.${e.status}`)}</Badge>
        <Text size="sm">{t(`escalations.form.${e.form}`)}</Text>
        {e.documentNumber && <Text size="sm">{t('conclusions.number', { number: e.documentNumber, date: formatDate(e.issuedOn) })}</Text>}
      </Group>
      <DetailList
        items={(
          [
            [t('plans.issuingAgency'), e.issuingAgencyName],
            [t('escalations.decidedOn'), e.decidedOn ? `${formatDate(e.decidedOn)}${e.decisionNote ? ` — ${e.decisionNote}` : ''}` : null],
            [t('escalations.resultOn'), e.resultOn ? formatDate(e.resultOn) : null],
            [t('escalations.result'), e.result],
          ] as [string, string | null][]
        ).filter((r): r is [string, string] => !!r[1])}
      />
      <Stack gap={4} component="section" aria-labelledby="escalation-findings-title">
        <Text fw={600} id="escalation-findings-title">
          {t('escalations.linkedFindings')}
        </Text>
        {e.findings.length ? (
          e.findings.map((f) => (
            <Group key={f.id} gap="xs">
              <Badge variant="light" color={f.kind === 'violation' ? 'red' : 'orange'}>
                {t(`escalations.findingKind.${f.kind === 'violation' ? 'violation' : 'shortcoming'}`)}
              </Badge>
              <Anchor component={Link} to={`/inspections/${e.inspectionId}`}>
                {f.title}
              </Anchor>
              {e.result && (
                <Text size="sm" c="dimmed">
                  {t('escalations.resultOfFinding', { result: e.result })}
                </Text>
              )}
            </Group>
          ))
        ) : (
          <Text size="sm" c="dimmed">
            {t('escalations.noLinkedFindings')}
          </Text>
        )}
      </Stack>
      <DocumentLinks base={`/api/documents/escalation/${e.id}`} docxLabel={t('escalations.docx')} pdfLabel={t('escalations.pdf')} />
      {e.abilities.update ? <EscalationEditor key={e.version} e={e} /> : <EscalationText content={e.content} />}
      {e.abilities.issue && <IssueEscalation e={e} />}
      {e.abilities.decide && <Decision e={e} />}
      {e.abilities.recordResult && <Result e={e} />}
    </Stack>
  );
}

function EscalationText({ content }: { content: EscalationContent }) {
  const t = useT();
  return (
    <Stack gap="xs">
      <Text fw={600}>{content.summary}</Text>
      {lineFields.map((f) => (
        <div key={f.key}>
          <Text size="sm" fw={500}>
            {t(f.label)}
          </Text>
          {content[f.key].map((l, i) => (
            <Text key={i} size="sm">
              {l}
            </Text>
          ))}
        </div>
      ))}
    </Stack>
  );
}

function EscalationEditor({ e }: { e: Escalation }) {
  const t = useT();
  const step = useEscalationStep(e);
  const errorOf = useFieldErrors(step.error);
  const [form, setForm] = useState<EscalationForm>(e.form);
  const [summary, setSummary] = useState(e.content.summary);
  const [lines, setLines] = useState<Record<LineKey, string>>({ addressees: e.content.addressees.join('\n'), body: e.content.body.join('\n'), recipients: e.content.recipients.join('\n') });
  return (
    <Stack gap="sm">
      <SegmentedControl aria-label={t('escalations.formLabel')} data={(['to_trinh', 'cong_van'] as const).map((f) => ({ value: f, label: t(`escalations.form.${f}`) }))} value={form} onChange={(f) => setForm(f as EscalationForm)} />
      <TextInput label={t('conclusions.section.summary')} value={summary} onChange={(x) => setSummary(x.currentTarget.value)} error={errorOf('content.summary')} />
      {lineFields.map((f) => (
        <Textarea
          key={f.key}
          label={t(f.label)}
          description={t('conclusions.oneParagraphPerLine')}
          resize="vertical"
          rows={f.key === 'body' ? 5 : 2}
          value={lines[f.key]}
          onChange={(x) => setLines({ ...lines, [f.key]: x.currentTarget.value })}
        />
      ))}
      {step.error && <ErrorAlert error={step.error} />}
      <Group>
        <Button loading={step.isPending} onClick={() => step.mutate({ kind: 'edit', form, content: { summary, addressees: split(lines.addressees), body: split(lines.body), recipients: split(lines.recipients) } })}>
          {t('conclusions.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function IssueEscalation({ e }: { e: Escalation }) {
  const t = useT();
  const step = useEscalationStep(e);
  const errorOf = useFieldErrors(step.error);
  const [issuedOn, setIssuedOn] = useState<string | null>(todayIso());
  const [signerName, setSignerName] = useState(e.content.signature.signerName);
  const lastInRegister = useLastInRegisterHint(e.issuingAgencyId, issuedOn);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('conclusions.issueTitle')}
        </Title>
        <Group align="flex-start">
          <DateField label={t('conclusions.issuedOn')} value={issuedOn} onChange={setIssuedOn} required error={errorOf('issuedOn')} />
          <TextInput label={t('conclusions.signerName')} value={signerName} onChange={(x) => setSignerName(x.currentTarget.value)} required error={errorOf('signature.signerName')} />
        </Group>
        {lastInRegister && (
          <Text size="xs" c="dimmed">
            {lastInRegister}
          </Text>
        )}
        {step.error && <ErrorAlert error={step.error} />}
        <Group>
          <ConfirmButton
            color="green"
            disabled={!issuedOn || !signerName.trim()}
            loading={step.isPending}
            message={t('common.confirmIssue')}
            onConfirm={() => issuedOn && step.mutate({ kind: 'issue', issuedOn, signature: { ...e.content.signature, signerName: signerName.trim() } })}
          >
            {t('conclusions.issue')}
          </ConfirmButton>
        </Group>
      </Stack>
    </Paper>
  );
}

function Decision({ e }: { e: Escalation }) {
  const t = useT();
  const step = useEscalationStep(e);
  const [decidedOn, setDecidedOn] = useState<string | null>(todayIso());
  const [note, setNote] = useState('');
  const send = (decision: 'accept' | 'decline') => decidedOn && step.mutate({ kind: 'decision', decision, decidedOn, ...(note.trim() ? { note: note.trim() } : {}) });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('escalations.decision')}
        </Title>
        <DateField label={t('escalations.decidedOn')} value={decidedOn} onChange={setDecidedOn} required />
        <Textarea label={t('actions.note')} value={note} onChange={(x) => setNote(x.currentTarget.value)} />
        {step.error && <ErrorAlert error={step.error} />}
        <Group>
          <Button color="teal" disabled={!decidedOn} loading={step.isPending} onClick={() => send('accept')}>
            {t('escalations.accept')}
          </Button>
          <Button color="red" variant="light" disabled={!decidedOn} loading={step.isPending} onClick={() => send('decline')}>
            {t('escalations.decline')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Result({ e }: { e: Escalation }) {
  const t = useT();
  const step = useEscalationStep(e);
  const [resultOn, setResultOn] = useState<string | null>(todayIso());
  const [result, setResult] = useState('');
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('escalations.recordResult')}
        </Title>
        <DateField label={t('escalations.resultOn')} value={resultOn} onChange={setResultOn} required />
        <Textarea label={t('escalations.result')} rows={3} value={result} onChange={(x) => setResult(x.currentTarget.value)} required />
        {step.error && <ErrorAlert error={step.error} />}
        <Group>
          <Button disabled={!resultOn || !result.trim()} loading={step.isPending} onClick={() => resultOn && step.mutate({ kind: 'result', resultOn, result: result.trim() })}>
            {t('escalations.recordResult')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
