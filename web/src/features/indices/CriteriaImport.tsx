import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Checkbox, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { FrameworkDetail } from '../../../../shared/api/indices.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { formatNumber } from './format.js';
import { ImportErrors } from './ImportErrors.js';
import { indexKeys, startCriteriaImport, useCriteriaImport } from './indices.api.js';

/**
 * A framework's criteria as .xlsx (always), and, for a draft the user may edit, its import from
 * .xlsx: check only by default, then the whole tree replaced; row-level errors in a table.
 */
export function CriteriaImport({ framework }: { framework: FrameworkDetail }) {
  const t = useT();
  const { language } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [importId, setImportId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const imp = useCriteriaImport(importId).data;
  const written = imp?.status === 'done' && !imp.dryRun;
  useEffect(() => {
    if (written) void qc.invalidateQueries({ queryKey: indexKeys.framework(framework.id) });
  }, [written, qc, framework.id]);

  async function submit() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setImportId((await startCriteriaImport(framework.id, file, dryRun)).id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const download = <Anchor href={`/api/index-frameworks/${framework.id}/criteria.xlsx`}>{t('indices.criteriaImport.download')}</Anchor>;
  if (!framework.abilities.update) return download;
  return (
    <Stack maw={760} mt="md">
      <Title order={3}>{t('indices.criteriaImport.title')}</Title>
      <Text size="sm">{t('indices.criteriaImport.help')}</Text>
      {download}
      <FileInput label={t('indices.import.file')} accept=".xlsx" value={file} onChange={setFile} clearable />
      <Checkbox label={t('indices.import.dryRun')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
      <Group>
        <Button onClick={() => void submit()} disabled={!file} loading={busy}>
          {t('indices.import.submit')}
        </Button>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
      {imp && (imp.status === 'queued' || imp.status === 'running') && <Alert>{t(`indices.import.${imp.status}`)}</Alert>}
      {imp?.status === 'done' && imp.summary && (
        <Alert color="green">
          {t(imp.dryRun ? 'indices.criteriaImport.doneDry' : 'indices.criteriaImport.done', {
            areas: imp.summary.areas,
            criteria: imp.summary.criteria,
            subCriteria: imp.summary.subCriteria,
            maxPoints: formatNumber(language, imp.summary.maxPoints),
          })}
        </Alert>
      )}
      {imp?.status === 'failed' && <Alert color="red">{t('indices.import.failed')}</Alert>}
      {imp?.status === 'rejected' && (
        <>
          <Alert color="red">{t('indices.import.rejected', { count: imp.errors.length })}</Alert>
          <ImportErrors errors={imp.errors} />
        </>
      )}
    </Stack>
  );
}
