import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import './styles.css';

// GOV.UK Frontend's styles key some layouts off these classes on <body>.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
