/** What counts as a page's content being on screen: the first element matching `selector` that has a box (and holds `text`, when given). */
export interface ContentProbe {
  selector: string;
  text?: string;
}

/**
 * Installed in every bench window before the app loads (plain JavaScript: it runs in Chromium, not
 * in Node). Each wait checks once per animation frame, just before the frame is painted, so a time
 * is from the start of the action to the frame that first shows the content.
 */
export const inPageScript = `(() => {
  const shown = (probe) => {
    for (const element of document.querySelectorAll(probe.selector)) {
      if (element.getClientRects().length === 0) continue;
      if (probe.text !== undefined && !(element.textContent || '').includes(probe.text)) continue;
      return true;
    }
    return false;
  };
  const until = (probe, start, timeoutMs) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const now = performance.now();
        if (shown(probe)) resolve(now - start);
        else if (now - start > timeoutMs) reject(new Error('Not on screen after ' + timeoutMs + ' ms: ' + probe.selector + (probe.text ? ' with "' + probe.text + '"' : '')));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  const bellDescription = () => {
    const bell = document.querySelector('header button[aria-label="Notifications"]');
    const described = bell && document.getElementById(bell.getAttribute('aria-describedby') || '');
    if (!described) throw new Error('The bell is not on screen');
    return described;
  };
  window.stockbellBench = {
    navigate(hash, probe, timeoutMs) {
      const start = performance.now();
      location.hash = hash;
      return until(probe, start, timeoutMs);
    },
    click(selector, probe, timeoutMs) {
      const target = document.querySelector(selector);
      if (!target) throw new Error('Nothing to click: ' + selector);
      const start = performance.now();
      target.click();
      return until(probe, start, timeoutMs);
    },
    /** Starts watching the bell's count; bellChanged then holds the wall-clock time it changes. */
    watchBell(timeoutMs) {
      const element = bellDescription();
      const before = element.textContent;
      this.bellChanged = new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('The bell still said "' + before + '" after ' + timeoutMs + ' ms'));
        }, timeoutMs);
        const observer = new MutationObserver(() => {
          if (element.textContent === before) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(Date.now());
        });
        observer.observe(element, { characterData: true, childList: true, subtree: true });
      });
    },
    /** A call as the app makes it (its token, its session cookie); resolves with the wall-clock time it was answered. */
    async call(method, input) {
      const response = await fetch('/api/call/' + method, {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + localStorage.getItem('stockbell.token'), 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const result = await response.json();
      const answeredAt = Date.now();
      if (!result.ok) throw new Error(method + ' failed: ' + result.error.message);
      return answeredAt;
    },
  };
})();`;
