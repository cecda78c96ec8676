import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventNames, methodNames } from '../../contract';
import { FakeRenderer } from './fakeElectron';
import { buildDesktopBundle, runWithElectron, type DesktopBundle } from './fakeElectronBundle';

// The built preload (build/desktop/preload.cjs) is all a page in the desktop app can reach of
// Electron: it must expose the contract's methods and events and nothing else.

interface PageApi {
  invoke(method: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

let bundle: DesktopBundle;
let renderer: FakeRenderer;
let page: PageApi;

beforeAll(() => {
  bundle = buildDesktopBundle();
  renderer = new FakeRenderer();
  renderer.answer = (channel, args) => Promise.resolve({ ok: true, value: { channel, args } });
  runWithElectron(bundle.preload, renderer);
  page = renderer.exposed.get('stockbell') as PageApi;
}, 120_000);
afterAll(() => bundle.remove());

describe('the desktop preload, from its bundle', () => {
  it('exposes one object to the page, with invoke and on and nothing else', () => {
    expect([...renderer.exposed.keys()]).toEqual(['stockbell']);
    expect(Object.keys(page).sort()).toEqual(['invoke', 'on']);
  });

  it('passes every contract method to the main process, and no other name', async () => {
    for (const method of methodNames) {
      renderer.invoked = [];
      await page.invoke(method, { probe: method });
      expect(renderer.invoked, method).toEqual([{ channel: 'stockbell:invoke', args: [method, { probe: method }] }]);
    }
    renderer.invoked = [];
    for (const name of ['stockbell:invoke', 'ipcRenderer.send', 'constructor', '__proto__', 'toString', 'session.get ', '']) {
      expect(await page.invoke(name, {}), name).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(renderer.invoked).toEqual([]);
  });

  it('delivers every contract event to the page until it stops listening, and listens for no other name', () => {
    for (const event of eventNames) {
      const heard: unknown[] = [];
      const stop = page.on(event, (payload) => heard.push(payload));
      renderer.listeners.emit(`stockbell:event:${event}`, {}, { event });
      stop();
      renderer.listeners.emit(`stockbell:event:${event}`, {}, { event, again: true });
      expect(heard, event).toEqual([{ event }]);
    }
    for (const name of ['stockbell:invoke', 'constructor', '__proto__', 'notifications.changed.extra', '']) page.on(name, () => undefined);
    expect(renderer.listeners.eventNames()).toEqual([]);
  });
});
