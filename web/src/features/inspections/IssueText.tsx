import { Alert, List } from '@mantine/core';
import type { ScheduleIssue } from '../../../../shared/api/inspections.schemas.js';
import { useI18n } from '../../i18n/i18n.js';

/** A broken schedule rule as the server words it, in the language chosen on screen. */
export function IssueText({ issue }: { issue: Pick<ScheduleIssue, 'message' | 'messageEn'> }) {
  const { language } = useI18n();
  return <>{language === 'en' ? issue.messageEn : issue.message}</>;
}

/** Broken schedule rules in an alert, one line each (conflicts in red, warnings in yellow). */
export function IssueList({ issues, title, color, role }: { issues: readonly Pick<ScheduleIssue, 'message' | 'messageEn'>[]; title: string; color: 'red' | 'yellow'; role?: 'alert' }) {
  return (
    <Alert color={color} title={title} role={role}>
      <List size="sm">
        {issues.map((issue, n) => (
          <List.Item key={n}>
            <IssueText issue={issue} />
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
