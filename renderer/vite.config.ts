import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererDir = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: rendererDir,
  // Relative asset URLs so the same build loads from app:// (desktop) and http://127.0.0.1 (headless).
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(rendererDir, '../build/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
