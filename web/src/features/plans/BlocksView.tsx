import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PlanBlock } from './plans.types.js';

type Inline = Extract<PlanBlock, { kind: 'bullet' }>['content'];

function InlineText({ content }: { content: Inline }): ReactNode {
  if (typeof content === 'string') return content;
  return content.map((run, i) => {
    let node: ReactNode = run.text;
    if (run.italic) node = <em>{node}</em>;
    if (run.bold) node = <strong>{node}</strong>;
    return <span key={i}>{node}</span>;
  });
}

/** A section's blocks as the document prints them: "- " bullets, "a)" items, headings. */
export function BlocksView({ blocks, empty }: { blocks: readonly PlanBlock[]; empty: string }) {
  if (blocks.length === 0) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <Stack gap={6}>
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'heading':
            return (
              <Text key={i} fw={700}>
                {block.number ? `${block.number}${block.level === 'a' ? ')' : '.'} ` : ''}
                {block.text}
                {block.tail ? <Text span fw={400}>{block.tail}</Text> : null}
              </Text>
            );
          case 'bullet':
            return (
              <Text key={i} pl="md" style={{ textIndent: '-0.8em' }}>
                - <InlineText content={block.content} />
              </Text>
            );
          case 'lettered':
            return (
              <Text key={i}>
                {block.letter ? `${block.letter}) ` : ''}
                <InlineText content={block.content} />
              </Text>
            );
          case 'paragraph':
            return (
              <Text key={i} fs={block.italic ? 'italic' : undefined} fw={block.bold ? 700 : undefined} ta={block.centered ? 'center' : undefined}>
                <InlineText content={block.content} />
              </Text>
            );
        }
      })}
    </Stack>
  );
}
