import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
// With its suffix, as Vite's config loader asks; TypeScript maps .js to the .ts file.
import { metaContentSecurityPolicy } from '../main/contract/contentSecurityPolicy.js';

const rendererDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * The policy in the built page as well, so it holds even where no header carries it. Build only:
 * the dev server injects inline scripts for hot reload, which the policy refuses.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'stockbell-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: rendererDir,
  // Relative asset URLs so the same build loads from app:// (desktop) and http://127.0.0.1 (headless).
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: path.resolve(rendererDir, '../build/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
