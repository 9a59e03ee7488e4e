import { Badge } from '@mantine/core';
import { useT } from '../../i18n/i18n.js';
import { planStatusColor, planStatusKey } from './plan-labels.js';
import type { PlanStatus } from './plans.types.js';

// The label is a grid item with overflow hidden, so in a table column it may shrink to nothing
// ("Đã ban h…"); status words are short and should always show whole.
const styles = { root: { overflow: 'visible' }, label: { overflow: 'visible' } } as const;

/** The plan's status in words (Dự thảo, Đã trình, Đã ban hành …). */
export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const t = useT();
  const { color, c } = planStatusColor[status];
  return (
    <Badge color={color} c={c} variant="light" tt="none" size="lg" styles={styles}>
      {t(planStatusKey(status))}
    </Badge>
  );
}
