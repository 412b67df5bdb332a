import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { hydrate } from './store/hydrate';
import './styles/theme.css';
import './styles/toolbar.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

void hydrate();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
