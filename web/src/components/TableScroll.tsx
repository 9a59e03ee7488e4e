import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

/**
 * Every data table sits in one of these: a table wider than the screen (a phone, 390 px) scrolls
 * sideways inside its own box, never the page (review: /inspections was 554 px wide on a phone,
 * a notice 838 px). `minWidth` keeps a table readable by scrolling before its columns crush.
 */
export function TableScroll({ children, minWidth = 0 }: { children: ReactNode; minWidth?: number }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      {children}
    </Table.ScrollContainer>
  );
}
