import type { ScheduleIssue } from '../../../../shared/api/inspections.schemas.js';
import { useI18n } from '../../i18n/i18n.js';

/** A broken schedule rule as the server words it, in the language chosen on screen. */
export function IssueText({ issue }: { issue: Pick<ScheduleIssue, 'message' | 'messageEn'> }) {
  const { language } = useI18n();
  return <>{language === 'en' ? issue.messageEn : issue.message}</>;
}
