/** Entry point of the explorer bundle (src/server/explorer.ts builds it with esbuild and serves it at /explore). */
import './explorer.css';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

createRoot(document.getElementById('root')!).render(<App />);
