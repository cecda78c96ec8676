import { createDesktopTransport } from './desktopTransport';
import { createHttpTransport, takeAccessToken } from './httpTransport';
import type { Transport } from './transport';

/** The Electron preload defines `window.stockbell`; anywhere else we are a page served by the headless host. */
export function pickTransport(): Transport {
  if (window.stockbell) return createDesktopTransport(window.stockbell);
  return createHttpTransport(takeAccessToken());
}
