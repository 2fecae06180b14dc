// The token the console presents, kept for this browser tab only (sessionStorage), and who the server says
// it is. The server decides every request; the console only greys out what the role would be refused.
import { h, replace, uid } from './dom.js';

const KEY = 'vedns.token';
let caller = null;

export const secret = () => sessionStorage.getItem(KEY);

export function signOut() {
  sessionStorage.removeItem(KEY);
  caller = null;
}

/** The token's name and role, and the roles it includes, as GET /tokens/self answered. */
export const currentCaller = () => caller;

export function setCaller(self) {
  caller = self;
}

/** Disables a control the signed-in token's role may not use, and says why. */
export function guard(control, needed) {
  if (caller && caller.includes.includes(needed)) {
    return control;
  }
  control.disabled = true;
  const reason = `Needs the ${needed} role; you are signed in as ${caller.name} (${caller.role}).`;
  control.title = reason;
  control.setAttribute('aria-description', reason);
  return control;
}

/** The sign-in form; {@code done} runs once a token was entered. */
export function signInPage(view, done, problem) {
  const input = h('input', { id: uid('token'), type: 'password', required: true, autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'token-hint' });
  const form = h('form', { class: 'sign-in' },
    h('div', { class: 'field' }, h('label', { for: input.id }, 'API token'), input,
      h('small', { id: 'token-hint' },
        'The secret of a vedns token. The first admin token\'s secret is in <data-dir>/admin.token on the vedns host.')),
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, input.value.trim());
    caller = null;
    done();
  });
  replace(view, h('h1', { tabindex: '-1' }, 'Sign in'),
    problem ? h('p', { class: 'error', role: 'alert' }, problem) : null, form);
  input.focus();
}

/** The header's corner: who is signed in, and the way out. */
export function showCaller(element, render) {
  if (!caller) {
    replace(element);
    return;
  }
  replace(element, h('span', {}, `Signed in as ${caller.name} (${caller.role})`), ' ',
    secret() ? h('button', { type: 'button', class: 'link', onclick: () => { signOut(); render(); } }, 'Sign out') : null);
}
