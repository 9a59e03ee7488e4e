import { ActionIcon, Badge, Box, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { UnitTreeNode } from './unit-tree.js';
import { useT } from '../../i18n/i18n.js';
import { unitKindKey } from '../../components/labels.js';

interface UnitTreeProps {
  roots: UnitTreeNode[];
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

/**
 * Nested lists with disclosure buttons (aria-expanded): the tree reads well with a screen reader
 * and works with Tab alone. Children of collapsed nodes are not rendered, so a whole country's
 * units cost nothing until opened.
 */
export function UnitTree({ roots, expanded, onToggle }: UnitTreeProps) {
  const t = useT();
  return (
    <Box component="ul" aria-label={t('units.treeLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {roots.map((node) => (
        <UnitTreeItem key={node.unit.id} node={node} expanded={expanded} onToggle={onToggle} depth={0} />
      ))}
    </Box>
  );
}

function UnitTreeItem({
  node,
  expanded,
  onToggle,
  depth,
}: {
  node: UnitTreeNode;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  depth: number;
}) {
  const t = useT();
  const { unit, children } = node;
  const isOpen = expanded.has(unit.id);
  const groupId = `unit-children-${unit.id}`;
  return (
    <li>
      <Group gap={6} wrap="nowrap" py={3} pl={depth * 20}>
        {children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => onToggle(unit.id)}
            aria-expanded={isOpen}
            aria-controls={isOpen ? groupId : undefined}
            aria-label={t(isOpen ? 'units.collapse' : 'units.expand', { name: unit.name })}
          >
            <span aria-hidden="true" style={{ fontSize: 12 }}>
              {isOpen ? '▾' : '▸'}
            </span>
          </ActionIcon>
        ) : (
          <Box w={22} aria-hidden="true" />
        )}
        <Text component={Link} to={`/units/${unit.id}`} size="sm" c="blue.8" td="none" fw={depth === 0 ? 700 : 400}>
          {unit.name}
        </Text>
        <Badge size="xs" variant="light" color="gray" tt="none">
          {t(unitKindKey(unit.kind))}
        </Badge>
        {!unit.active && (
          <Badge size="xs" variant="outline" color="red" tt="none">
            {t('common.inactive')}
          </Badge>
        )}
        {children.length > 0 && (
          <Text size="xs" c="dimmed">
            ({children.length})
          </Text>
        )}
      </Group>
      {isOpen && children.length > 0 && (
        <ul id={groupId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {children.map((child) => (
            <UnitTreeItem key={child.unit.id} node={child} expanded={expanded} onToggle={onToggle} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
