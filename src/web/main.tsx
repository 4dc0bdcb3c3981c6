import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// From react-router/dom: it honours navigate({ flushSync: true }), which plain react-router ignores.
import { RouterProvider } from 'react-router/dom';
import { router } from './app/router';
import { ToastProvider } from './components/ui/toast';
import './i18n';
import { queryClient } from './lib/query-client';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
