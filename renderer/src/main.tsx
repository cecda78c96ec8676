import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickTransport } from './client/pickTransport';

// Chosen before the router mounts: the HTTP transport takes its token out of the hash first.
const transport = pickTransport();

const root = document.getElementById('root');
if (!root) throw new Error('Stockbell needs a #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <App transport={transport} />
  </StrictMode>,
);
