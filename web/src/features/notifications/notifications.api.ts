import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailStatus, Notification, NotificationList, NotificationPreferences } from '../../../../shared/api/notifications.schemas.js';
import { api } from '../../lib/api-client.js';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (q: { unread: boolean; page: number; pageSize: number }) => ['notifications', 'list', q] as const,
  preferences: ['notification-preferences'] as const,
  mail: (q: { status?: string; page: number }) => ['admin-mail', q] as const,
};

/** How often the bell asks for the count while the page stays open. */
export const UNREAD_REFRESH_MS = 60_000;

/** GET /api/notifications/unread-count: refreshed every minute and whenever it is invalidated. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<{ unread: number }>('/api/notifications/unread-count', undefined, signal),
    refetchInterval: UNREAD_REFRESH_MS,
    staleTime: 10_000,
  });
}

export function useNotificationList(q: { unread: boolean; page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: notificationKeys.list(q),
    queryFn: ({ signal }) => api.get<NotificationList>('/api/notifications', { unread: q.unread ? 'true' : undefined, page: q.page, pageSize: q.pageSize }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    enabled,
  });
}

/** Marking read refreshes the count and every list. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/api/notifications/${id}/read`),
    onSettled: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.post<{ marked: number; unread: number }>('/api/notifications/read-all'),
    onSettled: refresh,
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => api.get<NotificationPreferences>('/api/me/notification-preferences', undefined, signal),
  });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { language?: 'vi' | 'en'; kinds?: { kind: string; email: boolean }[] }) => api.put<NotificationPreferences>('/api/me/notification-preferences', body),
    onSuccess: (data) => queryClient.setQueryData(notificationKeys.preferences, data),
  });
}

export function useMailStatus(q: { status?: string; page: number }) {
  return useQuery({
    queryKey: notificationKeys.mail(q),
    queryFn: ({ signal }) => api.get<MailStatus>('/api/admin/mail', { status: q.status, page: q.page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}
