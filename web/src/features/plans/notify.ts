import { notifications } from '@mantine/notifications';
import { useT } from '../../i18n/i18n.js';

/**
 * Shows a green confirmation. Its close button gets a name: Mantine leaves it unlabelled, which
 * axe reports (button-name).
 */
export function useNotifySuccess(): (message: string) => void {
  const t = useT();
  return (message) => notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': t('common.close') } });
}
