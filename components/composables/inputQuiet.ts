// When the reader last worked a control on the page, so that main-thread training whose steps
// outlast a slice can wait for a pause in the reader's input instead of freezing a slider drag.

/** Milliseconds without input after which the reader counts as done for now. */
const INPUT_QUIET_MS = 1000;

/** Events that mean the reader is working a control (a drag moves with a button held). */
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'input', 'wheel', 'touchstart'];

let lastInput = Number.NEGATIVE_INFINITY;
let watching = false;

function mark(event: Event): void {
  if (event.type === 'pointermove' && (event as PointerEvent).buttons === 0) return;
  lastInput = performance.now();
}

/** Starts noting the reader's input (once per page; nothing to do outside a browser). */
export function watchInput(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  for (const type of INPUT_EVENTS) {
    document.addEventListener(type, mark, { capture: true, passive: true });
  }
}

/** Resolves once `quietMs` have passed without input (at once if they already have). */
export async function afterInputQuiet(quietMs: number = INPUT_QUIET_MS): Promise<void> {
  for (;;) {
    const wait = lastInput + quietMs - performance.now();
    if (wait <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
