import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { FrameworkDetail, FrameworkKind } from '../../../../shared/api/indices.schemas.js';
import { unitKinds, type UnitKind } from '../../../../shared/api/registry.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { unitKindKey } from '../../components/labels.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { useAgencies } from '../agencies/agencies.api.js';
import { criteriaFromText, criteriaToText } from './criteria-text.js';
import { indexKeys } from './indices.api.js';

/** A new draft framework: its fields and its tree as lines (criteria-text.ts). */
export function CreateFrameworkModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const agencies = useAgencies({}, opened);
  const [owner, setOwner] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<FrameworkKind>('par');
  const [kinds, setKinds] = useState<UnitKind[]>(['ward', 'commune']);
  const [fromYear, setFromYear] = useState<number>(new Date().getFullYear());
  const [threshold, setThreshold] = useState<number>(100);
  const [illustrative, setIllustrative] = useState(false);
  const [source, setSource] = useState('');
  const [lines, setLines] = useState('');
  const parsed = criteriaFromText(lines);
  const create = useMutation({
    mutationFn: () =>
      api.post<FrameworkDetail>('/api/index-frameworks', {
        ownerAgencyId: owner,
        code,
        name,
        kind,
        unitKinds: kinds,
        fromYear,
        unmetThresholdPct: threshold,
        illustrative,
        source: source || null,
        criteria: parsed.criteria,
      }),
    onSuccess: (f) => {
      void qc.invalidateQueries({ queryKey: indexKeys.frameworks });
      navigate(`/indices/${f.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.errors.length) create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('indices.new')} size="xl">
      <form onSubmit={submit}>
        <Stack>
          <Select label={t('indices.form.owner')} required searchable data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))} value={owner} onChange={setOwner} />
          <Group grow>
            <TextInput label={t('indices.form.code')} required value={code} onChange={(e) => setCode(e.currentTarget.value)} />
            <Select label={t('indices.col.kind')} data={(['par', 'sipas'] as const).map((k) => ({ value: k, label: t(`indices.kind.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as FrameworkKind)} allowDeselect={false} />
          </Group>
          <TextInput label={t('indices.col.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <MultiSelect label={t('indices.form.unitKinds')} data={unitKinds.map((k) => ({ value: k, label: t(unitKindKey(k)) }))} value={kinds} onChange={(v) => setKinds(v as UnitKind[])} />
          <Group grow>
            <NumberInput label={t('indices.form.fromYear')} value={fromYear} onChange={(v) => typeof v === 'number' && setFromYear(v)} />
            <NumberInput label={t('indices.form.threshold')} value={threshold} min={1} max={100} onChange={(v) => typeof v === 'number' && setThreshold(v)} />
          </Group>
          <Checkbox label={t('indices.illustrative')} checked={illustrative} onChange={(e) => setIllustrative(e.currentTarget.checked)} />
          <TextInput label={t('indices.form.source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
          <Textarea label={t('indices.form.criteria')} rows={8} value={lines} onChange={(e) => setLines(e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }} />
          {parsed.errors.length > 0 && <Alert color="red">{t('indices.form.badLines', { lines: parsed.errors.join('; ') })}</Alert>}
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!owner || parsed.errors.length > 0}>
              {t('indices.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Edit, publish and version a framework, as its abilities allow. */
export function FrameworkActions({ framework }: { framework: FrameworkDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(framework.name);
  const [lines, setLines] = useState(criteriaToText(framework.criteria));
  const parsed = criteriaFromText(lines);
  const refresh = (f: FrameworkDetail) => {
    qc.setQueryData(indexKeys.framework(f.id), f);
    void qc.invalidateQueries({ queryKey: indexKeys.frameworks });
  };
  const update = useMutation({
    mutationFn: () => api.patch<FrameworkDetail>(`/api/index-frameworks/${framework.id}`, { version: framework.version, name, criteria: parsed.criteria }),
    onSuccess: (f) => {
      refresh(f);
      setEditing(false);
    },
  });
  const publish = useMutation({ mutationFn: () => api.post<FrameworkDetail>(`/api/index-frameworks/${framework.id}/publish`, { version: framework.version }), onSuccess: refresh });
  const version = useMutation({
    mutationFn: () => api.post<FrameworkDetail>(`/api/index-frameworks/${framework.id}/versions`, { version: framework.version }),
    onSuccess: (f) => {
      refresh(f);
      navigate(`/indices/${f.id}`);
    },
  });
  const { abilities } = framework;
  if (!abilities.update && !abilities.publish && !abilities.newVersion) return null;
  return (
    <>
      <Group>
        {abilities.update && (
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('indices.edit')}
          </Button>
        )}
        {abilities.publish && (
          <Button loading={publish.isPending} onClick={() => publish.mutate()}>
            {t('indices.publish')}
          </Button>
        )}
        {abilities.newVersion && (
          <Button variant="light" loading={version.isPending} onClick={() => version.mutate()}>
            {t('indices.newVersion')}
          </Button>
        )}
      </Group>
      {(publish.error || version.error) && <ErrorAlert error={publish.error ?? version.error} />}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('indices.edit')} size="xl">
        <Stack>
          <TextInput label={t('indices.col.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Textarea label={t('indices.form.criteria')} rows={10} value={lines} onChange={(e) => setLines(e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }} />
          {parsed.errors.length > 0 && <Alert color="red">{t('indices.form.badLines', { lines: parsed.errors.join('; ') })}</Alert>}
          {update.error && <ErrorAlert error={update.error} />}
          <Group justify="flex-end">
            <Button loading={update.isPending} disabled={parsed.errors.length > 0} onClick={() => update.mutate()}>
              {t('indices.form.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
