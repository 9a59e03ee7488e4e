import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import type { Attachment, FileKindCode, FileRules } from '../../../../shared/api/files.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fieldMessageKey } from '../../i18n/errors.js';
import { useT, type Translate } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.vi.js';
import { ApiError } from '../../lib/api-client.js';
import type { UploadProgress } from '../../lib/upload.js';
import { useAttachments, useRemoveAttachment, useUploadAttachment, type RecordRef } from './files.api.js';

/** Messages for the upload rules the server names (shared/api/files.schemas.ts fileRuleCodes). */
const ruleMessages: Record<string, MessageKey> = {
  file_empty: 'files.rule.file_empty',
  file_too_large: 'files.rule.file_too_large',
  file_type_not_allowed: 'files.rule.file_type_not_allowed',
  extension_mismatch: 'files.rule.extension_mismatch',
  ooxml_incomplete: 'files.rule.ooxml_incomplete',
  too_many_files: 'files.rule.too_many_files',
};

/** How each kind reads in a rule ("PDF, JPEG, PNG, HEIC"); the same in both languages. */
const kindLabels: Record<FileKindCode, string> = { pdf: 'PDF', docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', jpeg: 'JPEG', png: 'PNG', heic: 'HEIC' };
/** The file chooser's filter for each kind (the server decides on the content anyway). */
const kindAccept: Record<FileKindCode, string> = { pdf: 'application/pdf,.pdf', docx: '.docx', xlsx: '.xlsx', jpeg: 'image/jpeg,.jpg,.jpeg', png: 'image/png,.png', heic: 'image/heic,.heic,.heif' };

const kindsLabel = (rules: FileRules) => rules.kinds.map((k) => kindLabels[k]).join(', ');
const limitLabel = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : sizeLabel(bytes));

/**
 * The message of a refused upload: the rule of THIS field (its kinds, its size limit, its
 * number of files) once the server has said them; the generic message before.
 */
function refusalMessage(t: Translate, code: string, rules: FileRules | null | undefined): string {
  if (rules) {
    if (code === 'file_too_large') return t('files.rule.file_too_large.limit', { limit: limitLabel(rules.maxBytes) });
    if (code === 'file_type_not_allowed') return t('files.rule.file_type_not_allowed.kinds', { kinds: kindsLabel(rules) });
    if (code === 'too_many_files' && rules.maxFiles !== null) return t('files.rule.too_many_files.max', { max: rules.maxFiles });
  }
  return t(ruleMessages[code] ?? fieldMessageKey(code));
}

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

interface AttachmentsFieldProps extends RecordRef {
  label: string;
  /** The file chooser's filter; by default the kinds the server says the purpose accepts. */
  accept?: string;
}

/**
 * The files of a record for one purpose: a list with download links, an upload button with a
 * progress bar, and a remove button where allowed. A refused file is explained by its rule
 * (too large, not an allowed type…), in the user's language.
 */
export function AttachmentsField({ ownerType, ownerId, purpose, label, accept }: AttachmentsFieldProps) {
  const t = useT();
  const ref = { ownerType, ownerId, purpose };
  const files = useAttachments(ref);
  // The server says whether the caller may attach: the UI never guesses from role names.
  const canAttach = files.data?.canAttach === true;
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const upload = useUploadAttachment(ref, setProgress);
  const remove = useRemoveAttachment(ref);
  const rules = files.data?.rules;
  const rule = upload.error instanceof ApiError ? upload.error.invalidParams.find((p) => p.name === 'file' || p.name === 'query.purpose' || p.name.startsWith('body')) : undefined;
  const refusal = rule ? refusalMessage(t, rule.code, rules) : undefined;
  const chooserFilter = accept ?? (rules ? rules.kinds.map((k) => kindAccept[k]).join(',') : undefined);

  return (
    <Stack gap="xs" aria-label={label} role="group">
      <Text fw={600} size="sm">
        {label}
      </Text>
      {files.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('files.none')}
        </Text>
      )}
      {files.data?.items.map((file: Attachment) => (
        <Group key={file.id} gap="xs">
          <Anchor href={file.url} download={file.fileName} size="sm">
            {file.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {sizeLabel(file.size)}
          </Text>
          {file.removable && (
            <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('files.remove', { name: file.fileName })} onClick={() => remove.mutate(file)} loading={remove.isPending && remove.variables?.id === file.id}>
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {canAttach && (
        <Group gap="xs">
          <FileButton onChange={(file) => file && upload.mutate(file)} accept={chooserFilter}>
            {(props) => (
              <Button {...props} variant="default" size="xs" loading={upload.isPending}>
                {t('files.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {progress && (
        <Progress value={progress.total ? (100 * progress.loaded) / progress.total : 0} aria-label={t('files.progress')} size="sm" animated />
      )}
      {canAttach && rules && (
        <Text size="xs" c="dimmed">
          {t('files.rules', { kinds: kindsLabel(rules), limit: limitLabel(rules.maxBytes) })}
        </Text>
      )}
      {upload.error != null &&
        (refusal ? (
          <Alert color="red" variant="light" role="alert">
            <Text size="sm">{refusal}</Text>
          </Alert>
        ) : (
          <ErrorAlert error={upload.error} />
        ))}
      {remove.error != null && <ErrorAlert error={remove.error} />}
    </Stack>
  );
}
