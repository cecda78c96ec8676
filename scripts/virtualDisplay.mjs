// An X display for Electron on a Linux machine that has none (a CI box, an SSH session): Xvfb on a
// free display number, which it picks itself and reports through -displayfd.
import { spawn, spawnSync } from 'node:child_process';

/** Starts Xvfb when on Linux without DISPLAY; returns { display, stop } or null when none is needed or possible. */
export async function virtualDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY) return null;
  if (spawnSync('which', ['Xvfb']).status !== 0) return null;
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1360x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const number = await new Promise((resolve) => {
    let text = '';
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    xvfb.on('exit', () => resolve(null));
  });
  if (!number) return null;
  return { display: `:${number}`, stop: () => xvfb.kill() };
}
