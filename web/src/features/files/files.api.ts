import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment, FileRules } from '../../../../shared/api/files.schemas.js';
import { api, withQuery } from '../../lib/api-client.js';
import { uploadFile, type UploadProgress } from '../../lib/upload.js';

export interface RecordRef {
  ownerType: string;
  ownerId: string;
  purpose: string;
}

export const fileKeys = {
  list: (ref: RecordRef) => ['files', ref.ownerType, ref.ownerId, ref.purpose] as const,
};

/** GET /api/files: the files of a record for a purpose. */
export function useAttachments(ref: RecordRef) {
  return useQuery({
    queryKey: fileKeys.list(ref),
    queryFn: ({ signal }) => api.get<{ items: Attachment[]; canAttach: boolean; rules: FileRules | null }>('/api/files', { ...ref }, signal),
  });
}

/** POST /api/files with upload progress; refreshes the list. */
export function useUploadAttachment(ref: RecordRef, onProgress: (p: UploadProgress | null) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<Attachment>(withQuery('/api/files', { ...ref }), file, { onProgress }),
    onSettled: () => {
      onProgress(null);
      return queryClient.invalidateQueries({ queryKey: fileKeys.list(ref) });
    },
  });
}

export function useRemoveAttachment(ref: RecordRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachment: Attachment) => api.delete(attachment.url),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fileKeys.list(ref) }),
  });
}
