import 'antd/dist/reset.css';
import './styles/base.css';
import './styles/territory.css';
import './styles/people.css';
import './styles/events.css';
import './styles/phone.css';
import './styles/catalogue.css';
import './styles/intake.css';
import './styles/oversight.css';
import './styles/visits.css';
import './styles/command.css';
import './styles/declare.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/index.ts';
import { Root } from './root.tsx';

void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
