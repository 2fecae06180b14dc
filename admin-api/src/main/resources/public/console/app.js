import { api, describeError } from './api.js';
import { h, replace } from './dom.js';
import { replicationPage } from './replication.js';
import { serversPage } from './servers.js';
import { currentCaller, secret, setCaller, showCaller, signInPage, signOut } from './session.js';

// Pages live in the URL's fragment, so every page can be bookmarked and the server serves one file.
const routes = [
  [/^#\/servers\/([^/]+)\/replication$/, (view, match) => replicationPage(view, decodeURIComponent(match[1]), render)],
  [/^(#\/servers)?$/, (view) => serversPage(view, render)],
];

const UNAUTHORIZED = 401;

async function render() {
  const view = document.getElementById('view');
  const hash = location.hash === '#/' ? '' : location.hash;
  const route = routes.find(([pattern]) => pattern.test(hash));
  try {
    if (!currentCaller()) {
      // Without a token this answers only when the server has authentication off.
      setCaller(await api('GET', '/tokens/self'));
    }
    showCaller(document.getElementById('session'), render);
    if (!route) {
      replace(view, h('h1', { tabindex: '-1' }, 'Not found'), h('p', {}, h('a', { href: '#/servers' }, 'Back to the servers')));
    } else {
      await route[1](view, hash.match(route[0]));
    }
  } catch (error) {
    if (error.status === UNAUTHORIZED) {
      const hadToken = secret() !== null;
      signOut();
      showCaller(document.getElementById('session'), render);
      signInPage(view, render, hadToken ? describeError(error) : null);
      return;
    }
    replace(view, h('h1', { tabindex: '-1' }, 'Something went wrong'),
      h('p', { role: 'alert' }, describeError(error)),
      h('p', {}, h('a', { href: '#/servers' }, 'Back to the servers')));
  }
  view.querySelector('h1')?.focus({ preventScroll: true });
}

window.addEventListener('hashchange', render);
render();
