import type { Unit } from '../../../../shared/api/registry.schemas.js';

export interface UnitTreeNode {
  unit: Unit;
  children: UnitTreeNode[];
}

/**
 * Builds the tree from the flat list by parentId. A unit whose parent is not in the list (a search
 * result, a filtered level) becomes a root. Sibling order is the input order, which the server
 * already sorts in Vietnamese order. Units caught in a parent cycle (bad data) are promoted to
 * roots rather than silently dropped.
 */
export function buildUnitTree(units: readonly Unit[]): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });

  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId && unit.parentId !== unit.id ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }

  const reached = new Set<string>();
  const visit = (node: UnitTreeNode) => {
    if (reached.has(node.unit.id)) return;
    reached.add(node.unit.id);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  if (reached.size < nodes.size) {
    for (const unit of units) {
      if (reached.has(unit.id)) continue;
      const node = nodes.get(unit.id)!;
      // Cut the cycle at this node: detach it from its parent, make it a root.
      const parent = nodes.get(unit.parentId!);
      if (parent) parent.children = parent.children.filter((child) => child !== node);
      roots.push(node);
      visit(node);
    }
  }
  return roots;
}

/** Ids of every node that has children: "expand all". */
export function branchIds(roots: readonly UnitTreeNode[]): string[] {
  const out: string[] = [];
  const walk = (node: UnitTreeNode) => {
    if (node.children.length === 0) return;
    out.push(node.unit.id);
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}
