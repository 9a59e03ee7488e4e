import { SegmentedControl } from '@mantine/core';
import { useI18n, type Language } from '../i18n/i18n.js';

/**
 * VI / EN; the choice is remembered in localStorage and, for a signed-in user, told to
 * `onChosen` (the account's language, which e-mails are written in, follows the screen's).
 */
export function LanguageSwitch({ onChosen }: { onChosen?: (language: Language) => void } = {}) {
  const { language, setLanguage, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={language}
      onChange={(value) => {
        setLanguage(value as Language);
        onChosen?.(value as Language);
      }}
      data={[
        { value: 'vi', label: t('lang.vi') },
        { value: 'en', label: t('lang.en') },
      ]}
    />
  );
}
