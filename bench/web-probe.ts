import type { Page } from 'playwright-core';

// The probe runs inside the page, so every time it records shares the page's clock:
// performance.now(), which starts at the navigation. It is plain JavaScript in a string because
// it is not Node code (this project type-checks without the DOM library) and because a function
// that tsx compiled may carry helpers the page does not have.
const PROBE = String.raw`
(() => {
  const expectedColumns = __EXPECTED_COLUMNS__;
  const now = () => performance.now();
  const state = { board: {}, requests: [], longTasks: [], move: null };
  window.__pwBench = state;
  // Main-thread work of 50 ms or more, to tell CPU time apart from waiting.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      state.longTasks.push({ start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'longtask', buffered: true });

  // Every API call: when it started, and when its body had been read (the app reads it as text).
  let inflight = 0;
  const fetch0 = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = (init && init.method) || 'GET';
    const entry = { url, method, start: now(), end: null, status: null };
    state.requests.push(entry);
    inflight++;
    const done = () => {
      if (entry.end !== null) return;
      entry.end = now();
      inflight--;
      // Once the code awaiting this response has run (and perhaps asked for more), look again.
      if (state.move && state.move.settledAt === null) setTimeout(() => checkSettled(state.move), 0);
    };
    return fetch0(input, init).then((res) => {
      entry.status = res.status;
      if (res.status === 204) done();
      const text = res.text.bind(res);
      res.text = () => text().finally(done);
      return res;
    }, (error) => { entry.status = error.name; done(); throw error; });
  };

  state.isBoard = (url) => /\/pipelines\/[^/]+\/board/.test(url);

  const columns = () => document.querySelectorAll('section[data-stage-id]');
  const column = (id) => document.querySelector('section[data-stage-id="' + id + '"]');
  const countOf = (col) => {
    const el = col && col.querySelector('[data-testid="column-count"]');
    return el && el.dataset.count !== undefined ? Number(el.dataset.count) : null;
  };
  // Visible as Playwright means it: a non-empty box (the card may sit right of the viewport).
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };

  // Rendered: every column shows its count, and every non-empty column its first card.
  const boardRendered = () => {
    const all = columns();
    if (all.length !== expectedColumns) return false;
    for (const col of all) {
      const count = countOf(col);
      if (count === null) return false;
      if (count > 0) {
        const card = col.querySelector('[data-deal-id]');
        if (!card || !visible(card)) return false;
      }
    }
    return true;
  };

  const observer = new MutationObserver(() => {
    if (state.board.renderedAt === undefined && boardRendered()) {
      state.board.renderedAt = now();
      requestAnimationFrame(() => { state.board.paintedAt = now(); });
    }
    if (state.move) checkMove(state.move);
  });
  observer.observe(document, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['data-count', 'class'],
  });

  // A move: the card in the target column with both counts changed is the optimistic board; the
  // move's response and the board refetch it triggers (with any column top-up) is the settled one.
  const checkMove = (m) => {
    if (m.upAt === null) return;
    if (m.firstMutationAt === null) m.firstMutationAt = now();
    const { dealId, from, to, fromCount, toCount } = m.spec;
    if (m.optimisticAt === null) {
      const target = column(to);
      if (target && target.querySelector('[data-deal-id="' + dealId + '"]') &&
          countOf(column(from)) === fromCount - 1 && countOf(target) === toCount + 1) {
        m.optimisticAt = now();
        requestAnimationFrame(() => { m.optimisticPaintedAt = now(); });
      }
    }
    if (m.overlayGoneAt === null && !document.querySelector('.is-overlay, .is-placeholder')) {
      m.overlayGoneAt = now();
    }
  };
  // Called on the release and after every API response: settled once the move has answered and
  // the board refetch after it, with whatever that asked for in turn, is in.
  const checkSettled = (m) => {
    if (m.upAt === null || m.settledAt !== null || m.refetchedAt !== null) return;
    const moveCall = state.requests.find((r) => r.start >= m.upAt && r.method === 'POST' &&
      r.url.includes('/deals/' + m.spec.dealId + '/move'));
    if (!moveCall) return;
    m.moveRequestAt = moveCall.start;
    if (moveCall.end === null) return;
    m.moveResponseAt = moveCall.end;
    m.moveStatus = moveCall.status;
    const after = state.requests.filter((r) => r.start >= moveCall.end);
    const refetch = after.find((r) => r.method === 'GET' && state.isBoard(r.url));
    if (!refetch || refetch.end === null || inflight > 0) return;
    m.refetchedAt = Math.max(...after.map((r) => r.end));
    m.refetchRequests = after.length;
    // Let React render what the query cache now holds, then take the next frame.
    setTimeout(() => requestAnimationFrame(() => { m.settledAt = now(); }), 0);
  };

  state.busy = (from, to) => {
    const within = state.longTasks.filter((t) => t.start >= from && t.start < to);
    return {
      count: within.length,
      totalMs: within.reduce((sum, t) => sum + t.duration, 0),
      longestMs: Math.max(0, ...within.map((t) => t.duration)),
    };
  };

  state.watchMove = (spec) => {
    const m = {
      spec, upAt: null, firstMutationAt: null, optimisticAt: null, optimisticPaintedAt: null,
      overlayGoneAt: null, moveRequestAt: null, moveResponseAt: null, moveStatus: null,
      refetchedAt: null, refetchRequests: 0, settledAt: null,
    };
    state.move = m;
    window.addEventListener('pointerup', () => {
      m.upAt = now();
      checkSettled(m);
    }, { capture: true, once: true });
  };
})();
`;

/** The probe for a page of a pipeline with this many stages (one column each). */
export const probeScript = (expectedColumns: number) =>
  PROBE.replace('__EXPECTED_COLUMNS__', String(expectedColumns));

export type LongTasks = { count: number; totalMs: number; longestMs: number };
export type ApiCall = { url: string; start: number; end: number; status: number | string };

export type BoardMarks = {
  renderedAt: number;
  paintedAt: number;
  /** Navigation Timing and the API calls, all in ms since the navigation started. */
  documentEnd: number;
  domContentLoaded: number;
  scriptsEnd: number;
  /** Every board request of the load; the last is the one drawn (earlier ones were cancelled). */
  boardRequests: ApiCall[];
  /** Long tasks (50 ms or more) on the main thread before the board was drawn. */
  longTasks: LongTasks;
};

/** Waits for the rendered board and reads when each step happened. */
export async function boardMarks(page: Page, timeoutMs = 60_000): Promise<BoardMarks> {
  await page.waitForFunction('window.__pwBench?.board.paintedAt !== undefined', null, {
    timeout: timeoutMs,
    polling: 50,
  });
  return page.evaluate<BoardMarks>(`(() => {
    const s = window.__pwBench;
    const nav = performance.getEntriesByType('navigation')[0];
    const scripts = performance.getEntriesByType('resource')
      .filter((r) => r.name.endsWith('.js')).map((r) => r.responseEnd);
    return {
      ...s.board,
      documentEnd: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventEnd,
      scriptsEnd: Math.max(0, ...scripts),
      boardRequests: s.requests.filter((r) => s.isBoard(r.url))
        .map((r) => ({ url: r.url.replace(location.origin, ''), start: r.start, end: r.end, status: r.status })),
      longTasks: s.busy(0, s.board.paintedAt),
    };
  })()`);
}

export type MoveSpec = {
  dealId: string;
  from: string;
  to: string;
  fromCount: number;
  toCount: number;
};
export type MoveMarks = {
  upAt: number;
  optimisticAt: number;
  optimisticPaintedAt: number;
  overlayGoneAt: number | null;
  /** The first DOM change after the release, and when the app sent the move. */
  firstMutationAt: number;
  moveRequestAt: number;
  moveResponseAt: number;
  moveStatus: number | string;
  refetchedAt: number;
  refetchRequests: number;
  settledAt: number;
  /** Long tasks from the release to the optimistic frame. */
  longTasks: LongTasks;
};

export const watchMove = (page: Page, spec: MoveSpec) =>
  page.evaluate(`window.__pwBench.watchMove(${JSON.stringify(spec)})`);

/** Waits until the move is settled against the server and its drop animation has ended. */
export async function moveMarks(page: Page, timeoutMs = 30_000): Promise<MoveMarks> {
  await page.waitForFunction(
    '(m => m && m.settledAt !== null && m.optimisticPaintedAt !== null && m.overlayGoneAt !== null)(window.__pwBench.move)',
    null,
    { timeout: timeoutMs, polling: 20 },
  );
  return page.evaluate<MoveMarks>(`(() => {
    const s = window.__pwBench;
    return { ...s.move, spec: undefined, longTasks: s.busy(s.move.upAt, s.move.optimisticPaintedAt) };
  })()`);
}
