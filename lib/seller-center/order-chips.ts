import type { ActionOutcome } from '../../components/seller-center/action-button';
import { type OrderChipView, renderOrderChip } from '../../components/seller-center/order-chip';
import { nhanhOrderPageUrl } from '../orders/status-map';
import type { HelperEnv } from './helper-env';
import { MAX_CHIP_CODES } from './limits';
import { ORDER_CHIP_TAG } from './mount';
import type { OrderChipState } from './order-states';
import type { OrderCodeAnchor } from './selectors';

/**
 * The order chips: beside each order code of the order list and of an order's page, what the extension has
 * stored of that order (asked of the background in one batch per scan, never an API call per chip). One chip
 * per code element, put back when the page re-renders around it, removed when its row goes; "Đẩy sang Nhanh
 * ngay" on a not-yet-synced order imports it now and redraws its chip.
 */

/**
 * User Timing entries of the chips' main-thread cost, read by the e2e (only the latest of each is kept): a scan of
 * an order page (reading the page, placing the chips whose state is known), and each drawing of chips.
 */
export const ORDER_SCAN_MEASURE = 'nhanh-tiki-order-scan';
export const ORDER_CHIPS_MEASURE = 'nhanh-tiki-order-chips';

/** What a chip shows for a state, in the seller's language. */
export function orderChipView(
  state: OrderChipState,
  t: HelperEnv['t'],
  actions: { openFix: () => void; push: () => Promise<ActionOutcome> },
): OrderChipView {
  switch (state.kind) {
    case 'imported': {
      const text = t('sellerCenter.chip.imported', { id: state.nhanhOrderId });
      return {
        state: state.kind,
        text: state.nhanhStatus ? `${text} · ${state.nhanhStatus}` : text,
        href: nhanhOrderPageUrl(state.nhanhOrderId),
      };
    }
    case 'blocked':
      return {
        state: state.kind,
        text: t('sellerCenter.chip.blocked', { reason: state.reason }),
        fix: { hint: t('sellerCenter.chip.blockedHint'), open: actions.openFix },
      };
    case 'failed':
      return { state: state.kind, text: t('sellerCenter.chip.failed', { message: state.message }) };
    case 'excluded':
      return { state: state.kind, text: t('sellerCenter.chip.excluded', { reason: state.reason }) };
    case 'notSynced':
      return {
        state: state.kind,
        text: t('sellerCenter.chip.notSynced'),
        push: {
          label: t('sellerCenter.chip.push'),
          busyMessage: t('sellerCenter.chip.pushing'),
          run: actions.push,
        },
      };
  }
}

interface PlacedChip {
  host: HTMLElement;
  root: ShadowRoot;
  /** The element the chip sits beside now. */
  beside?: Element;
  /** What it shows now (the state as JSON): a state read again unchanged is not drawn again. */
  shown?: string;
}

export interface OrderChips {
  /** Puts a chip beside each of these codes and removes the chips of codes no longer on the page. */
  sync(anchors: readonly OrderCodeAnchor[]): void;
  /**
   * Forgets the states read so far (the route changed, the tab came back, a periodic refresh): the next sync asks
   * again, and the chips show what they showed until the answer comes.
   */
  forget(): void;
  /** Takes every chip off the page (the extension was reloaded under it). */
  removeAll(): void;
}

const CELL = 'td, th, [role="cell"], [role="gridcell"]';

/**
 * `styles` are adopted by every chip's shadow root: one parsed sheet for hundreds of chips. The shadow root keeps
 * the page's CSS out; clicks and keys stop at it so a row's own click handler (open the order) does not fire.
 */
export function createOrderChips(env: HelperEnv, styles: readonly CSSStyleSheet[]): OrderChips {
  // By code, not by element: when the page draws its rows again, each chip moves to its code's new element as
  // it is, instead of being built again (a page shows each code once: `findOrderCodes`).
  const placed = new Map<string, PlacedChip>();
  const known = new Map<string, OrderChipState>();
  const asking = new Set<string>();
  let wanted: readonly OrderCodeAnchor[] = [];

  function newChip(): PlacedChip {
    const host = document.createElement(ORDER_CHIP_TAG);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [...styles];
    for (const type of ['click', 'keydown', 'keyup', 'keypress'])
      root.addEventListener(type, (event) => event.stopPropagation());
    return { host, root };
  }

  async function push(code: string): Promise<ActionOutcome> {
    const asked = await env.ask(() => env.send('pushOrderToNhanh', { code }));
    if ('failure' in asked) return asked.failure;
    if (!asked.answer.ok) return { ok: false, message: asked.answer.message };
    known.set(code, asked.answer.state);
    draw();
    return { ok: true, message: '' };
  }

  function show(code: string, chip: PlacedChip, state: OrderChipState): void {
    renderOrderChip(
      chip.root,
      orderChipView(state, env.t, {
        openFix: () => void env.ask(() => env.send('openOrderFix', { code })),
        push: () => push(code),
      }),
    );
    chip.shown = JSON.stringify(state);
  }

  /** Places and redraws the chips of every wanted code whose state is known. */
  function draw(): void {
    const started = performance.now();
    let drawn = 0;
    for (const { code, element } of wanted) {
      const state = known.get(code);
      if (!state || !element.isConnected) continue;
      let chip = placed.get(code);
      if (!chip) {
        chip = newChip();
        placed.set(code, chip);
      }
      if (chip.beside !== element || !chip.host.isConnected) {
        // Inside a cell that holds the code itself, after the code's own element otherwise.
        if (element.matches(CELL)) element.append(chip.host);
        else element.after(chip.host);
        chip.beside = element;
      }
      if (chip.shown !== JSON.stringify(state)) {
        show(code, chip, state);
        drawn++;
      }
    }
    if (drawn > 0) {
      performance.clearMeasures(ORDER_CHIPS_MEASURE);
      performance.measure(ORDER_CHIPS_MEASURE, { start: started, detail: { chips: drawn } });
    }
  }

  async function askStates(codes: readonly string[]): Promise<void> {
    const missing = [...new Set(codes)].filter((code) => !known.has(code) && !asking.has(code));
    for (let start = 0; start < missing.length; start += MAX_CHIP_CODES) {
      const batch = missing.slice(start, start + MAX_CHIP_CODES);
      for (const code of batch) asking.add(code);
      const asked = await env.ask(() => env.send('getOrderChipStates', { codes: batch }));
      for (const code of batch) asking.delete(code);
      // The worker is restarting or the extension was reloaded: no chip rather than a wrong one; the next scan asks again.
      if ('failure' in asked) return;
      for (const code of batch) {
        const state = asked.answer[code];
        if (state) known.set(code, state);
      }
      draw();
    }
  }

  return {
    sync(anchors) {
      wanted = anchors;
      const codes = new Set(anchors.map((anchor) => anchor.code));
      for (const [code, chip] of placed)
        if (!codes.has(code)) {
          chip.host.remove();
          placed.delete(code);
        }
      draw();
      void askStates([...codes]);
    },
    forget() {
      known.clear();
    },
    removeAll() {
      for (const chip of placed.values()) chip.host.remove();
      placed.clear();
      wanted = [];
    },
  };
}
