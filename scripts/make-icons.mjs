// Renders the app icon (the bell of renderer/public/favicon.svg) to the PNGs packaging and the tray
// use. Run by hand when the icon changes; the PNGs are committed.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(resolve(root, 'renderer/public/favicon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [file, size] of [['icon.png', 512], ['tray.png', 32], ['tray@2x.png', 64]]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="32" height="32"', `width="${size}" height="${size}"`)}</body></html>`);
  await page.screenshot({ path: resolve(root, 'build-resources', file), omitBackground: true });
}
await browser.close();
