import { describeError } from './api.js';
import { h } from './dom.js';

const DISMISS_AFTER_MS = 6000;
// More than this and the stack starts to hide the page's own buttons.
const MOST_SHOWN = 3;

/**
 * A notification that says a change is under way, then how it ended: success fades after a while, a failure
 * stays until closed.
 */
export function notify(text) {
  const message = h('span', { class: 'message' }, text);
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Dismiss notification' }, '×');
  const item = h('div', { class: 'notification pending', role: 'status' }, message, close);
  close.addEventListener('click', () => item.remove());
  const stack = document.getElementById('notifications');
  stack.append(item);
  makeRoom(stack);
  const settle = (kind, outcome) => {
    item.className = `notification ${kind}`;
    message.textContent = outcome;
    if (kind === 'success') {
      setTimeout(() => item.remove(), DISMISS_AFTER_MS);
    } else {
      item.setAttribute('role', 'alert');
    }
  };
  return {
    success: (outcome) => settle('success', outcome),
    failure: (outcome) => settle('failure', outcome),
  };
}

/** Drops the oldest settled notifications beyond MOST_SHOWN; one still pending stays until it settles. */
function makeRoom(stack) {
  const settled = [...stack.querySelectorAll('.notification:not(.pending)')];
  const excess = stack.children.length - MOST_SHOWN;
  settled.slice(0, Math.max(0, excess)).forEach((item) => item.remove());
}

/** Runs a change with its notifications; true when it succeeded. */
export async function change(pending, work, done) {
  const note = notify(pending);
  try {
    const result = await work();
    note.success(typeof done === 'function' ? done(result) : done);
    return true;
  } catch (error) {
    note.failure(describeError(error));
    return false;
  }
}
