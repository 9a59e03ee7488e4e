import type { ReactNode } from 'react';
import { Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from './ErrorAlert.js';

/**
 * The body of a list page: a loader while the first page comes, the error, the empty message, or
 * the list itself (`children`, rendered only with data and at least one item).
 */
export function ListBody({ query, empty, count, children }: { query: UseQueryResult<unknown>; empty: string; count: number; children: () => ReactNode }) {
  if (query.isPending) return <Loader size="sm" />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!count) return <Text c="dimmed">{empty}</Text>;
  return <>{children()}</>;
}
