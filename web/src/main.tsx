import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles.css';
import 'dayjs/locale/vi.js';

import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.js';
import { cssVariablesResolver, theme } from './theme.js';
import { createQueryClient } from './lib/query-client.js';
import { refetchWhenWorkerTakesControl } from './lib/service-worker.js';
import { I18nProvider, useI18n } from './i18n/i18n.js';

const queryClient = createQueryClient();
refetchWhenWorkerTakesControl(queryClient);

/** Date pickers follow the UI language (month and weekday names). */
function LocalisedDates({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <I18nProvider>
        <LocalisedDates>
          <Notifications position="top-right" />
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </LocalisedDates>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
