import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Conclusion, ConclusionContent } from '../../../../shared/api/conclusions.schemas.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useLastInRegisterHint } from '../../components/last-in-register.js';
import { formatDate, todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.vi.js';
import { DocumentLinks } from '../plans/DocumentLinks.js';
import { useConclusion, useIssueConclusion, useSaveConclusion } from './followup.api.js';
import { ActionStatusBadge } from './labels.js';
import { ReinspectButton } from './ReinspectButton.js';
import { RequirementsEditor, toDraft, toInput, type RequirementDraft } from './RequirementsEditor.js';
import { TableScroll } from '../../components/TableScroll.js';

type Text = Omit<ConclusionContent, 'signature'>;
type LineKey = 'legalBases' | 'overview' | 'strengths' | 'shortcomings' | 'organisation' | 'recipients';
const sections: { key: keyof Text; label: MessageKey; lines: boolean }[] = [
  { key: 'summary', label: 'conclusions.section.summary', lines: false },
  { key: 'legalBases', label: 'conclusions.section.legalBases', lines: true },
  { key: 'introduction', label: 'conclusions.section.introduction', lines: false },
  { key: 'overview', label: 'conclusions.section.overview', lines: true },
  { key: 'strengths', label: 'conclusions.section.strengths', lines: true },
  { key: 'shortcomings', label: 'conclusions.section.shortcomings', lines: true },
  { key: 'requirementsIntro', label: 'conclusions.section.requirementsIntro', lines: false },
  { key: 'organisation', label: 'conclusions.section.organisation', lines: true },
  { key: 'recipients', label: 'conclusions.section.recipients', lines: true },
];

/** Lines are edited as one paragraph per line; empty lines are dropped on save. */
const joinLines = (xs: string[]) => xs.join('\n');
const splitLines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

function textsOf(c: ConclusionContent): Record<keyof Text, string> {
  const out = {} as Record<keyof Text, string>;
  for (const s of sections) out[s.key] = s.lines ? joinLines(c[s.key as LineKey]) : (c[s.key] as string);
  return out;
}

/** The Thông báo kết luận page: the office edits the draft; a leader (or the office under authorisation) issues it; then it is read-only. */
export function ConclusionPage() {
  const { id = '' } = useParams();
  const t = useT();
  const q = useConclusion(id);
  if (q.isPending) return <Loader aria-label={t('app.loading')} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <ConclusionView c={q.data} />;
}

export function ConclusionView({ c }: { c: Conclusion }) {
  const t = useT();
  // The issue's refusal may name a requirement (due before the notice): shown on that requirement.
  const issue = useIssueConclusion(c.id);
  const issueErrorOf = useFieldErrors(issue.error);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('conclusions.title')} — {c.agencyName}
        </Title>
        <Anchor component={Link} to={`/inspections/${c.inspectionId}`}>
          {t('conclusions.backToInspection')}
        </Anchor>
      </Group>
      <Group gap="xs">
        <Badge color={c.status === 'issued' ? 'green' : 'gray'}>{t(`conclusions.status.${c.status}`)}</Badge>
        {c.documentNumber && <Text size="sm">{t('conclusions.number', { number: c.documentNumber, date: formatDate(c.issuedOn) })}</Text>}
        <Text size="sm">{t('conclusions.issuer', { name: c.issuingAgencyName })}</Text>
      </Group>
      <DocumentLinks base={`/api/documents/conclusion/${c.id}`} docxLabel={t('conclusions.docx')} pdfLabel={t('conclusions.pdf')} />
      {c.abilities.update ? <ConclusionEditor c={c} issueErrorOf={issueErrorOf} /> : <ConclusionReadOnly c={c} issueErrorOf={issueErrorOf} />}
      {c.abilities.issue && <IssueForm c={c} issue={issue} />}
      {c.abilities.reinspect && <ReinspectButton conclusion={c} />}
    </Stack>
  );
}

type ErrorOf = (field: string) => string | undefined;

function ConclusionReadOnly({ c, issueErrorOf }: { c: Conclusion; issueErrorOf: ErrorOf }) {
  const t = useT();
  return (
    <Stack gap="sm">
      {c.status === 'issued' && (
        <Alert color="blue" variant="light">
          {t('conclusions.frozen')}
        </Alert>
      )}
      {sections.map((s) => {
        const v = c.content[s.key];
        const lines = Array.isArray(v) ? v : [v];
        return (
          <div key={s.key}>
            <Text fw={600}>{t(s.label)}</Text>
            {lines.map((l, i) => (
              <Text key={i} size="sm">
                {l}
              </Text>
            ))}
          </div>
        );
      })}
      <ActionsTable c={c} errorOf={issueErrorOf} />
    </Stack>
  );
}

/** Section IV's requirements once issued: each a corrective action with its state and its page. */
function ActionsTable({ c, errorOf }: { c: Conclusion; errorOf: ErrorOf }) {
  const t = useT();
  if (!c.actions.length) return <Text c="dimmed">{t('conclusions.noRequirements')}</Text>;
  return (
    <TableScroll>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('conclusions.requirementContent')}</Table.Th>
            <Table.Th>{t('conclusions.responsible')}</Table.Th>
            <Table.Th>{t('conclusions.due')}</Table.Th>
            <Table.Th>{t('conclusions.reportDue')}</Table.Th>
            <Table.Th>{t('actions.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.actions.map((a, i) => (
            <Table.Tr key={a.id}>
              <Table.Td>{c.status === 'issued' ? <Anchor component={Link} to={`/corrective-actions/${a.id}`}>{a.content}</Anchor> : a.content}</Table.Td>
              <Table.Td>{a.responsibleAgencyName}</Table.Td>
              <Table.Td>
                {a.dueOn ? formatDate(a.dueOn) : t('conclusions.daysAfter', { days: a.dueWorkingDays ?? 0 })}
                {errorOf(`actions.${i}.dueOn`) && (
                  <Text c="red" size="xs" role="alert">
                    {errorOf(`actions.${i}.dueOn`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{a.reportDueOn ? formatDate(a.reportDueOn) : a.reportDueWorkingDays ? t('conclusions.daysAfter', { days: a.reportDueWorkingDays }) : '—'}</Table.Td>
              <Table.Td>
                <ActionStatusBadge status={a.status} overdue={a.overdue} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function ConclusionEditor({ c, issueErrorOf }: { c: Conclusion; issueErrorOf: ErrorOf }) {
  const t = useT();
  const save = useSaveConclusion(c.id);
  const [texts, setTexts] = useState(() => textsOf(c.content));
  const [reqs, setReqs] = useState<RequirementDraft[]>(() => c.actions.map((a) => toDraft(a, c.agencyId)));
  const saveErrorOf = useFieldErrors(save.error);
  const errorOf = (field: string) => saveErrorOf(field) ?? issueErrorOf(field);
  useEffect(() => save.reset(), [texts, reqs]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = () => {
    const content: Partial<Text> = {};
    for (const s of sections) (content as Record<string, unknown>)[s.key] = s.lines ? splitLines(texts[s.key]) : texts[s.key];
    save.mutate({ version: c.version, content, actions: reqs.map(toInput) });
  };
  return (
    <Stack gap="sm" component="form" onSubmit={(e) => (e.preventDefault(), submit())}>
      {sections.map((s) =>
        s.key === 'summary' ? (
          <TextInput key={s.key} label={t(s.label)} value={texts.summary} onChange={(e) => setTexts({ ...texts, summary: e.currentTarget.value })} error={errorOf('content.summary')} />
        ) : (
          <Textarea
            key={s.key}
            label={t(s.label)}
            description={s.lines ? t('conclusions.oneParagraphPerLine') : undefined}
            resize="vertical"
            rows={2}
            value={texts[s.key]}
            onChange={(e) => setTexts({ ...texts, [s.key]: e.currentTarget.value })}
          />
        ),
      )}
      <Title order={2} size="h4">
        {t('conclusions.requirements')}
      </Title>
      <RequirementsEditor value={reqs} onChange={setReqs} inspectedAgencyName={c.agencyName} errorOf={errorOf} />
      {save.error && <ErrorAlert error={save.error} />}
      {save.isSuccess && (
        <Text c="green" size="sm" role="status">
          {t('conclusions.saved')}
        </Text>
      )}
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('conclusions.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Sign and issue: the date of the notice and the signer; the TB number comes from the register. */
function IssueForm({ c, issue }: { c: Conclusion; issue: ReturnType<typeof useIssueConclusion> }) {
  const t = useT();
  const [issuedOn, setIssuedOn] = useState<string | null>(todayIso());
  const [signerName, setSignerName] = useState(c.content.signature.signerName);
  const errorOf = useFieldErrors(issue.error);
  const lastInRegister = useLastInRegisterHint(c.issuingAgencyId, issuedOn);
  const sig = c.content.signature;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="issue-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="issue-title">
          {t('conclusions.issueTitle')}
        </Title>
        <Text size="sm">{[sig.authority, sig.onBehalfOf, sig.position].filter(Boolean).join(' / ')}</Text>
        <Group align="flex-start">
          <DateField label={t('conclusions.issuedOn')} value={issuedOn} onChange={setIssuedOn} required error={errorOf('issuedOn')} />
          <TextInput label={t('conclusions.signerName')} value={signerName} onChange={(e) => setSignerName(e.currentTarget.value)} required error={errorOf('signature.signerName')} />
        </Group>
        {lastInRegister && (
          <Text size="xs" c="dimmed">
            {lastInRegister}
          </Text>
        )}
        {issue.error && <ErrorAlert error={issue.error} />}
        <Group>
          <ConfirmButton
            color="green"
            loading={issue.isPending}
            disabled={!issuedOn || !signerName.trim()}
            message={t('common.confirmIssue')}
            onConfirm={() => issuedOn && issue.mutate({ version: c.version, issuedOn, signature: { ...sig, signerName: signerName.trim() } })}
          >
            {t('conclusions.issue')}
          </ConfirmButton>
        </Group>
      </Stack>
    </Paper>
  );
}
