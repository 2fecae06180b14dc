import { h, replace } from './dom.js';

/**
 * A modal dialog (the native element: focus is trapped and Escape closes it). {@code body} builds the
 * content; the confirm button runs {@code onConfirm}, which returns false to keep the dialog open.
 */
export function openDialog({ title, body, confirmLabel, onConfirm, danger = false }) {
  const heading = h('h2', { id: 'dialog-title' }, title);
  const content = h('div', { class: 'dialog-body' });
  const confirm = h('button', { type: 'submit', class: danger ? 'danger' : 'primary' }, confirmLabel);
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const form = h('form', { method: 'dialog' }, heading, content, h('div', { class: 'actions' }, cancel, confirm));
  const dialog = h('dialog', { 'aria-labelledby': 'dialog-title' }, form);
  const controls = { confirm, close: () => dialog.close() };
  replace(content, body(controls));
  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    confirm.disabled = true;
    const keepOpen = (await onConfirm()) === false;
    confirm.disabled = false;
    if (!keepOpen) {
      dialog.close();
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return controls;
}

export function confirmDialog(title, text, confirmLabel, onConfirm) {
  return openDialog({ title, body: () => h('p', {}, text), confirmLabel, onConfirm, danger: true });
}
