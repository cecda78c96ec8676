import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, NativeImage } from 'electron';
import type { Session } from '../../dispatch/session';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { fakeElectron, FakeNotification, FakeTray, FakeWindow } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { createDesktopShell, forwardLaunches } = await import('./desktopShell');

let app: TestRuntime;
let window: FakeWindow;
let alice: Session;
let shell: ReturnType<typeof createDesktopShell>;
let crossing: () => Promise<unknown>;
let partId: number;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  app = await openTestRuntime();
  alice = await app.signIn('Alice');
  const bin = await app.call('locations.create', { name: 'Bin' });
  const part = await app.call('parts.create', { name: 'Fuse 1A', minimumStock: '10' });
  partId = part.id;
  const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '12' });
  await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
  crossing = () => app.call('stock.remove', { itemId: item.id, quantity: '5' });
  FakeNotification.shown = [];
  fakeElectron.app.removeAllListeners();
  fakeElectron.app.quitCalls = 0;
  window = new FakeWindow();
  shell = createDesktopShell(app, window as unknown as BrowserWindow, alice, {} as NativeImage);
});
afterEach(() => {
  shell.dispose();
  app.close();
  vi.useRealTimers();
});

describe('desktop shell', () => {
  it('shows a banner for the signed-in person and opens the target when it is clicked', async () => {
    await crossing();
    vi.advanceTimersByTime(2000);
    expect(FakeNotification.shown.map((banner) => banner.options.title)).toEqual(['Low stock: Fuse 1A']);
    FakeNotification.shown[0]?.emit('click');
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    expect(window.navigations()).toEqual([`/parts/${partId}`]);
  });

  it('shows nothing while nobody is signed in, or for kinds switched off for the desktop', async () => {
    alice.userId = null;
    await crossing();
    vi.advanceTimersByTime(2000);
    expect(FakeNotification.shown).toEqual([]);
  });

  it('respects the per-kind desktop preference', async () => {
    const prefs = await app.call('profile.get', {}, alice);
    await app.call('profile.savePreferences', { preferences: prefs.preferences.map(({ label: _label, ...entry }) => ({ ...entry, desktop: false })) }, alice);
    await crossing();
    vi.advanceTimersByTime(2000);
    expect(FakeNotification.shown).toEqual([]);
  });

  it('keeps the tray and badge on the unread count, with working menu actions', async () => {
    const tray = FakeTray.last as FakeTray;
    expect(tray.tooltip).toBe('Stockbell: No unread notifications');
    await crossing();
    expect(tray.tooltip).toBe('Stockbell: 1 unread notification');
    expect(fakeElectron.app.badgeCount).toBe(1);
    expect(tray.item('1 unread notification').enabled).toBe(false);

    tray.item('Open inbox').click?.();
    expect(window.navigations()).toEqual(['/inbox']);
    tray.item('Mark all as read').click?.();
    await vi.waitFor(() => expect(tray.tooltip).toBe('Stockbell: No unread notifications'));
    expect((await app.call('notifications.unreadCount', {}, alice)).count).toBe(0);
    expect(fakeElectron.app.badgeCount).toBe(0);
    tray.item('Quit').click?.();
    expect(fakeElectron.app.quitCalls).toBe(1);
  });

  it('routes deep links, including those a second launch forwards', () => {
    forwardLaunches(shell);
    shell.handleDeepLink('stockbell://part/5');
    shell.handleDeepLink('stockbell://nowhere/../../x');
    fakeElectron.app.emit('second-instance', {}, ['/opt/Stockbell/stockbell', 'stockbell://build/2']);
    fakeElectron.app.emit('second-instance', {}, ['/opt/Stockbell/stockbell']);
    const preventDefault = vi.fn();
    fakeElectron.app.emit('open-url', { preventDefault }, 'stockbell://inbox');
    expect(window.navigations()).toEqual(['/parts/5', '/builds/2', '/', '/inbox']);
    expect(preventDefault).toHaveBeenCalled();
  });

  it('hides to the tray on close instead of quitting, unless quitting', () => {
    window.visible = true;
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.visible).toBe(false);
    fakeElectron.app.emit('before-quit');
    const closing = { preventDefault: vi.fn() };
    window.emit('close', closing);
    expect(closing.preventDefault).not.toHaveBeenCalled();
  });
});
