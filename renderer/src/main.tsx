import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { reportError } from './components/error-store';
import './styles.css';

dayjs.locale('zh-cn');

// A failed call nobody awaited still reaches the clerk as a Chinese message, never a silent console line.
window.addEventListener('unhandledrejection', (e) => {
  reportError(e.reason);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
