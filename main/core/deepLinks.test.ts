import { describe, expect, it } from 'vitest';
import { deepLinkFor, deepLinkInArgs, routeForDeepLink } from './deepLinks';

describe('deep links', () => {
  it('maps app routes to stockbell:// links and back', () => {
    expect(deepLinkFor('/parts/12')).toBe('stockbell://part/12');
    expect(deepLinkFor('/builds/3')).toBe('stockbell://build/3');
    expect(deepLinkFor('/inbox')).toBe('stockbell://inbox');
    for (const path of ['/parts/12', '/builds/3', '/categories/7', '/inbox', '/profile']) expect(routeForDeepLink(deepLinkFor(path))).toBe(path);
  });

  it('refuses anything that is not one of ours', () => {
    expect(routeForDeepLink('https://example.com/part/1')).toBeNull();
    expect(routeForDeepLink('stockbell://part/abc')).toBeNull();
    expect(routeForDeepLink('stockbell://settings/../../etc')).toBeNull();
    expect(routeForDeepLink('not a url')).toBeNull();
  });

  it('finds the link among a second launch\'s arguments', () => {
    expect(deepLinkInArgs(['/opt/Stockbell/stockbell', '--flag', 'stockbell://build/9'])).toBe('stockbell://build/9');
    expect(deepLinkInArgs(['/opt/Stockbell/stockbell'])).toBeNull();
  });
});
