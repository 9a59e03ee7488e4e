import { useState } from 'react';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useT } from '../i18n/i18n.js';
import { api } from './api-client.js';
import { changedFields } from './changes.js';

interface RecordEditingOptions<T, V> {
  /** The record as last read; its version goes with every change (409 when stale). */
  record: T & { version: number };
  /** `/api/units/:id`: PATCH here, POST `${path}/deactivate`. */
  path: string;
  detailKey: QueryKey;
  listKey: QueryKey;
  /** The form values of the record as read, so only changed fields are sent. */
  formValues: (record: T) => V;
  reload: () => void;
}

/**
 * Edit and deactivate a versioned registry record (unit, agency): the two mutations, the modal
 * state, the cache updates and the reload after a version conflict, in one place.
 */
export function useRecordEditing<T, V extends object>({ record, path, detailKey, listKey, formValues, reload }: RecordEditingOptions<T, V>) {
  const t = useT();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deactivating, setDeactivating] = useState(false);

  const onSaved = (saved: T) => {
    queryClient.setQueryData(detailKey, saved);
    void queryClient.invalidateQueries({ queryKey: listKey });
  };
  const update = useMutation({
    mutationFn: (values: V) => api.patch<T>(path, { version: record.version, ...changedFields(formValues(record), values) }),
    onSuccess: (saved) => {
      onSaved(saved);
      notifications.show({ color: 'green', message: t('common.saved') });
      setEditing(false);
    },
  });
  const deactivate = useMutation({
    mutationFn: (validTo: string | null) => api.post<T>(`${path}/deactivate`, { version: record.version, ...(validTo ? { validTo } : {}) }),
    onSuccess: (saved) => {
      onSaved(saved);
      notifications.show({ color: 'green', message: t('common.deactivated') });
      setDeactivating(false);
    },
  });
  const reloadAfterConflict = () => {
    update.reset();
    deactivate.reset();
    reload();
  };
  return { editing, setEditing, deactivating, setDeactivating, update, deactivate, reloadAfterConflict };
}
