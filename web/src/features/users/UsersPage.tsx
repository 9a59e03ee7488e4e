import { useState } from 'react';
import { Badge, Button, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { User } from '../../../../shared/api/users.schemas.js';
import { api } from '../../lib/api-client.js';
import { useT } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { roleKey } from '../../components/labels.js';
import { UserForm, type UserFormSubmit } from './UserForm.js';

const usersKey = ['users'] as const;

/** /users (admin): list, create, edit name/email/active/roles. */
export function UsersPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  // A page at a time, by username ("Xem thêm"): a province's admin may manage thousands.
  const pages = useInfiniteQuery({
    queryKey: [...usersKey, 'pages', debouncedQ] as const,
    queryFn: ({ signal, pageParam }) =>
      api.get<{ items: User[]; nextCursor: string | null; total: number }>('/api/users', { q: debouncedQ || undefined, after: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const users = { data: pages.data?.pages.flatMap((p) => p.items), error: pages.error, isPending: pages.isPending };
  const total = pages.data?.pages[0]?.total;
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = users.data?.find((user) => user.id === editingId) ?? null;

  const create = useMutation({
    mutationFn: (values: UserFormSubmit) =>
      api.post<User>('/api/users', {
        username: values.username,
        fullName: values.fullName,
        email: values.email,
        password: values.password ?? '',
        roles: values.roles,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({ color: 'green', message: t('users.created') });
      setCreating(false);
    },
  });
  const update = useMutation({
    mutationFn: ({ user, values }: { user: User; values: UserFormSubmit }) =>
      api.patch<User>(`/api/users/${user.id}`, {
        version: user.version,
        fullName: values.fullName,
        email: values.email,
        active: values.active,
        roles: values.roles,
        ...(values.password ? { password: values.password } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({ color: 'green', message: t('common.saved') });
      setEditingId(null);
    },
  });

  const closeCreate = () => {
    create.reset();
    setCreating(false);
  };
  const closeEdit = () => {
    update.reset();
    setEditingId(null);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Button onClick={() => setCreating(true)}>{t('users.create')}</Button>
      </Group>
      <TextInput
        label={t('common.search')}
        placeholder={t('users.searchPlaceholder')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={{ base: '100%', sm: 340 }}
        rightSection={pages.isFetching ? <Loader size="xs" /> : null}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {users.data && total !== undefined
          ? users.data.length < total
            ? t('common.shownOfTotal', { shown: users.data.length, total })
            : t('common.count', { count: total })
          : ''}
      </Text>
      {users.error ? <ErrorAlert error={users.error} /> : null}
      {users.isPending && <Loader />}
      {users.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('users.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.username')}</Table.Th>
                <Table.Th scope="col">{t('users.fullName')}</Table.Th>
                <Table.Th scope="col">{t('users.email')}</Table.Th>
                <Table.Th scope="col">{t('users.roles')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.edit')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>{user.username}</Table.Td>
                  <Table.Td>{user.fullName}</Table.Td>
                  <Table.Td>{user.email ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.roles.map((grant, index) => (
                        <Badge key={index} variant="light" tt="none" title={grant.agencyName}>
                          {t(roleKey(grant.role))} · {grant.agencyName}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{user.active ? t('common.active') : t('common.inactive')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={`${t('common.edit')} ${user.username}`}
                      onClick={() => setEditingId(user.id)}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t('common.showMore')}
          </Button>
        </Group>
      )}

      <Modal opened={creating} onClose={closeCreate} title={t('users.createTitle')} size="lg">
        {creating && (
          <UserForm
            pending={create.isPending}
            error={create.error}
            onSubmit={(values) => create.mutate(values)}
            onCancel={closeCreate}
          />
        )}
      </Modal>
      <Modal
        opened={!!editing}
        onClose={closeEdit}
        title={editing ? t('users.editTitle', { username: editing.username }) : ''}
        size="lg"
      >
        {editing && (
          <UserForm
            key={editing.version}
            user={editing}
            pending={update.isPending}
            error={update.error}
            onSubmit={(values) => update.mutate({ user: editing, values })}
            onCancel={closeEdit}
            onReload={() => {
              update.reset();
              void pages.refetch();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
