import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/index.css';
import './styles.css';
import { loadSession } from './api/client.ts';
import { routes } from './routes.tsx';
import { SessionProvider } from './session/SessionContext.tsx';

const router = createBrowserRouter(routes);

// Who is signed in, before the first page loads: so it loads once, with the right edit controls.
void loadSession().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </StrictMode>,
  ),
);
