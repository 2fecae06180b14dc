import { describeError } from './api.js';
import { h, replace } from './dom.js';
import { replicationPage } from './replication.js';
import { serversPage } from './servers.js';

// Pages live in the URL's fragment, so every page can be bookmarked and the server serves one file.
const routes = [
  [/^#\/servers\/([^/]+)\/replication$/, (view, match) => replicationPage(view, decodeURIComponent(match[1]), render)],
  [/^(#\/servers)?$/, (view) => serversPage(view, render)],
];

async function render() {
  const view = document.getElementById('view');
  const hash = location.hash === '#/' ? '' : location.hash;
  const route = routes.find(([pattern]) => pattern.test(hash));
  try {
    if (!route) {
      replace(view, h('h1', { tabindex: '-1' }, 'Not found'), h('p', {}, h('a', { href: '#/servers' }, 'Back to the servers')));
    } else {
      await route[1](view, hash.match(route[0]));
    }
  } catch (error) {
    replace(view, h('h1', { tabindex: '-1' }, 'Something went wrong'),
      h('p', { role: 'alert' }, describeError(error)),
      h('p', {}, h('a', { href: '#/servers' }, 'Back to the servers')));
  }
  view.querySelector('h1')?.focus({ preventScroll: true });
}

window.addEventListener('hashchange', render);
render();
