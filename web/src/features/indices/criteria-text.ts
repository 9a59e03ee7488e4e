import type { CriterionInput } from '../../../../shared/api/indices.schemas.js';

/**
 * A framework's tree as plain lines, one criterion each, as an office types or pastes it from a
 * decision's appendix: `code | name | maximum points | expected evidence (optional)`. Nesting
 * follows the codes (1 → 1.2 → 1.2.3); points take a decimal comma or point. The server checks
 * the rest (codes nested, parts adding up) and names the line's field when they do not.
 */
export function criteriaFromText(text: string): { criteria: CriterionInput[]; errors: string[] } {
  const errors: string[] = [];
  const byCode = new Map<string, CriterionInput>();
  const roots: CriterionInput[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [code = '', name = '', max = '', evidence = ''] = line.split('|').map((s) => s.trim());
    const points = Number(max.replace(',', '.'));
    if (!/^\d+(\.\d+){0,3}$/.test(code) || !name || max === '' || Number.isNaN(points)) {
      errors.push(`${i + 1}: ${raw}`);
      return;
    }
    const node: CriterionInput = { code, name, maxPoints: points, ...(evidence ? { expectedEvidence: evidence } : {}) };
    byCode.set(code, node);
    const parentCode = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    const parent = parentCode ? byCode.get(parentCode) : null;
    if (parentCode && !parent) {
      errors.push(`${i + 1}: ${raw}`);
      return;
    }
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  });
  return { criteria: roots, errors };
}

/** The tree back as lines (to edit a draft). */
export function criteriaToText(nodes: { code: string; name: string; maxPoints: number; expectedEvidence: string | null }[]): string {
  return nodes.map((n) => [n.code, n.name, String(n.maxPoints).replace('.', ','), n.expectedEvidence ?? ''].join(' | ').replace(/ \| $/, '')).join('\n');
}
