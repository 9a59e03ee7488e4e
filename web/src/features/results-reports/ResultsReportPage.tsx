import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import type { ResultsReportContent, ResultsReportDto } from '../../../../shared/api/results-reports.schemas.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../i18n/dates.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { formatNumber } from '../indices/format.js';
import { DocumentLinks } from '../plans/DocumentLinks.js';
import { SignModal } from '../plans/SignModal.js';
import { NumberLink } from '../dashboard/FigureCard.js';
import { indexResultsLink, ScopeLine } from '../dashboard/ScopeLine.js';
import { useDeleteReport, useIssueReport, useResultsReport, useSaveReport } from './results-reports.api.js';
import { TableScroll } from '../../components/TableScroll.js';

type TextKey = 'summary' | 'organisation' | 'strengths' | 'shortcomings' | 'measures' | 'proposals';
const textKeys: TextKey[] = ['summary', 'organisation', 'strengths', 'shortcomings', 'measures', 'proposals'];

/** The recipients typed one per line, blank lines dropped. */
const recipientLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * /results-reports/:id: the annual results report. The office edits the texts of the draft (the
 * figures come from the data, the same as the dashboard's); a leader signs and issues it; the
 * .docx (charts as pictures) and PDF are downloaded from here.
 */
export function ResultsReportPage() {
  const { id } = useParams();
  const t = useT();
  const report = useResultsReport(id);
  // Kept here: a save answers with the next version, which remounts the view below (keyed by version).
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  if (report.isPending) return <Loader />;
  if (report.error) return <ErrorAlert error={report.error} />;
  return (
    <ReportView
      key={`${report.data.id}:${report.data.version}`}
      r={report.data}
      onReload={() => report.refetch()}
      title={t('reports.name', { year: report.data.year })}
      savedVersion={savedVersion}
      onSaved={setSavedVersion}
    />
  );
}

function ReportView({ r, onReload, title, savedVersion, onSaved }: { r: ResultsReportDto; onReload: () => void; title: string; savedVersion: number | null; onSaved: (version: number) => void }) {
  const t = useT();
  const { language } = useI18n();
  const [texts, setTexts] = useState<Pick<ResultsReportContent, TextKey>>(() => Object.fromEntries(textKeys.map((k) => [k, r.content[k]])) as Pick<ResultsReportContent, TextKey>);
  // Nơi nhận: one recipient per line in the form, a list in the report.
  const [recipients, setRecipients] = useState(() => r.content.recipients.join('\n'));
  const [edited, setEdited] = useState(false);
  const saved = savedVersion === r.version && !edited;
  const [signing, setSigning] = useState(false);
  const save = useSaveReport(r.id);
  const issue = useIssueReport(r.id);
  const discard = useDeleteReport(r.id);
  const navigate = useNavigate();
  const edit = (k: TextKey, value: string) => {
    setTexts({ ...texts, [k]: value });
    setEdited(true);
  };
  const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(language, x)}%`);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {title} — {r.issuingAgencyName}
        </Title>
        <Badge color={r.status === 'issued' ? 'green' : 'gray'}>{t(`reports.status.${r.status}`)}</Badge>
      </Group>
      {r.number !== null && <Text>{t('reports.issuedAs', { number: `${r.number}/${r.symbol}`, date: formatDate(r.issuedOn) })}</Text>}
      <DocumentLinks base={`/api/documents/results-report/${r.id}`} docxLabel={t('reports.docx')} pdfLabel={t('reports.pdf')} />
      <Title order={2} size="h4" id="results-report-figures">
        {t('reports.figures')}
      </Title>
      {/* The same sentence and links as the dashboard's; the figures are its issuer=own view (the authority's own plans). */}
      <ScopeLine d={r.figures} testId="results-report-scope-line" />
      <Anchor component={Link} to={`/dashboard?${new URLSearchParams({ year: String(r.figures.year), unitId: r.figures.unit.id, issuer: 'own' }).toString()}`} data-testid="results-report-dashboard-link">
        {t('reports.toDashboard')}
      </Anchor>
      {/* Named by the heading above (a caption repeating it read the same words twice). */}
      <TableScroll>
        <Table striped withTableBorder aria-labelledby="results-report-figures">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.col.item')}</Table.Th>
              <Table.Th>{t('dashboard.col.average')}</Table.Th>
              <Table.Th>{t('dashboard.col.scored')}</Table.Th>
              <Table.Th>{t('dashboard.col.unmet')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.figures.indices.map((s) => (
              <Table.Tr key={s.kind}>
                <Table.Td>{t(`dashboard.index.${s.kind}`)}</Table.Td>
                {/* Each number links to the sheets it is computed from, as on the dashboard. */}
                <Table.Td>
                  <NumberLink value={pct(s.average)} to={s.framework ? indexResultsLink(s.framework.id, r.figures.year, r.figures.unit.id) : null} />
                </Table.Td>
                <Table.Td>
                  <NumberLink value={String(s.scored)} to={s.framework ? indexResultsLink(s.framework.id, r.figures.year, r.figures.unit.id) : null} />
                </Table.Td>
                <Table.Td>
                  <NumberLink value={String(s.unmetCount)} to={s.framework ? indexResultsLink(s.framework.id, r.figures.year, r.figures.unit.id) : null} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {/* The dashboard's sections (reports, findings, corrective actions, difficulties), each number linked to its records. */}
      {r.figures.sections.map((sec) => {
        const name = language === 'vi' ? sec.title.vi : sec.title.en;
        return (
          <TableScroll key={sec.key}>
            <Table striped withTableBorder>
              <caption style={{ captionSide: 'top', textAlign: 'left' }}>{name}</caption>
              <Table.Tbody>
                {sec.items.map((it) => (
                  <Table.Tr key={it.key}>
                    <Table.Td>{language === 'vi' ? it.label.vi : it.label.en}</Table.Td>
                    <Table.Td>
                      {it.link ? (
                        <Anchor component={Link} to={it.link}>
                          {formatNumber(language, it.value, 0)}
                        </Anchor>
                      ) : (
                        formatNumber(language, it.value, 0)
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        );
      })}
      {r.status === 'issued' && <Alert color="green">{t('reports.frozen')}</Alert>}
      <Title order={2} size="h4">
        {t('reports.texts')}
      </Title>
      {textKeys.map((k) =>
        k === 'summary' ? (
          <TextInput key={k} label={t(`reports.text.${k}`)} value={texts[k]} readOnly={!r.abilities.update} onChange={(e) => edit(k, e.currentTarget.value)} />
        ) : (
          <Textarea key={k} label={t(`reports.text.${k}`)} description={t('reports.onePerLine')} value={texts[k]} readOnly={!r.abilities.update} autosize minRows={3} onChange={(e) => edit(k, e.currentTarget.value)} />
        ),
      )}
      <Textarea
        label={t('reports.recipients')}
        description={t('reports.recipientsHint')}
        value={recipients}
        readOnly={!r.abilities.update}
        autosize
        minRows={3}
        onChange={(e) => {
          setRecipients(e.currentTarget.value);
          setEdited(true);
        }}
      />
      {save.error && <ErrorAlert error={save.error} onReload={onReload} />}
      {discard.error && <ErrorAlert error={discard.error} onReload={onReload} />}
      <Group>
        {r.abilities.update && (
          <Button loading={save.isPending} onClick={() => save.mutate({ version: r.version, content: { ...texts, recipients: recipientLines(recipients) } }, { onSuccess: (next) => onSaved(next.version) })}>
            {t('reports.save')}
          </Button>
        )}
        {saved && <Text c="green.8">{t('reports.saved')}</Text>}
        {r.abilities.delete && (
          <ConfirmButton color="red" variant="light" loading={discard.isPending} message={t('reports.deleteConfirm')} onConfirm={() => discard.mutate(r.version, { onSuccess: () => navigate(`/results-reports?year=${r.year}`) })}>
            {t('reports.delete')}
          </ConfirmButton>
        )}
        {r.abilities.issue && (
          <Button color="green" onClick={() => setSigning(true)}>
            {t('reports.issue')}
          </Button>
        )}
      </Group>
      <SignModal
        opened={signing}
        title={t('reports.issue')}
        hint={t('reports.issueHint')}
        confirmLabel={t('reports.issue')}
        signature={r.content.signature}
        registerAgencyId={r.issuingAgencyId}
        pending={issue.isPending}
        error={issue.error}
        onConfirm={({ issuedOn, signature }) => issue.mutate({ version: r.version, issuedOn, signature: signature ?? r.content.signature }, { onSuccess: () => setSigning(false) })}
        onClose={() => setSigning(false)}
        onReload={onReload}
      />
    </Stack>
  );
}
