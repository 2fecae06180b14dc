import { api, page, path } from './api.js';
import { confirmDialog } from './dialog.js';
import { h, replace, uid } from './dom.js';
import { change } from './notify.js';
import { effectiveTarget, healthBadge, observed } from './health.js';
import { guard } from './session.js';

const SETS_PER_PAGE = 20;

/** What the page shows: the search, and the cursor of each page so far (the first page has none). */
const shown = { prefix: '', cursors: [null] };

/**
 * The Servers page: the replication sets a page at a time (a fleet of 100,000 is never loaded whole), a search
 * by the primary's name, and a form to register a server.
 */
export async function serversPage(view, refresh) {
  const after = shown.cursors[shown.cursors.length - 1];
  const query = `/servers?replicationRole=Primary&limit=${SETS_PER_PAGE}`
    + (shown.prefix ? `&prefix=${encodeURIComponent(shown.prefix)}` : '')
    + (after ? `&after=${encodeURIComponent(after)}` : '');
  const { items: primaries, next } = await page(query);
  const replicas = await Promise.all(primaries.flatMap((primary) => primary.replicas)
    .map((replica) => api('GET', path('servers', replica))));
  const byName = new Map([...primaries, ...replicas].map((server) => [server.name, server]));
  replace(view,
    h('h1', { tabindex: '-1' }, 'Servers'),
    registerForm(primaries, refresh),
    h('h2', {}, 'Replication sets'),
    searchForm(refresh),
    primaries.length === 0
      ? h('p', {}, shown.prefix ? `No replication set's primary starts with "${shown.prefix}".`
        : 'No servers yet: register a primary first.')
      : h('div', { class: 'sets' }, primaries.map((primary) => setCard(primary, byName, refresh))),
    pager(next === null ? null : primaries[primaries.length - 1].name, refresh));
}

function searchForm(refresh) {
  const input = h('input', { id: uid('search'), type: 'search', value: shown.prefix, autocomplete: 'off',
    spellcheck: 'false', placeholder: 'pg-orders' });
  const form = h('form', { class: 'inline', role: 'search' },
    h('label', { for: input.id }, 'Find a set by the name of its primary'), input,
    h('button', { type: 'submit' }, 'Find'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    shown.prefix = input.value.trim();
    shown.cursors = [null];
    refresh();
  });
  return form;
}

/** @param last the last set's primary on this page when more follow, else null */
function pager(last, refresh) {
  const number = shown.cursors.length;
  const previous = h('button', { type: 'button', disabled: number === 1,
    onclick: () => { shown.cursors.pop(); refresh(); } }, 'Previous page');
  const nextPage = h('button', { type: 'button', disabled: last === null,
    onclick: () => { shown.cursors.push(last); refresh(); } }, 'Next page');
  return h('nav', { class: 'pager', 'aria-label': 'Pages of replication sets' }, previous,
    h('span', {}, ` Page ${number} `), nextPage);
}

function registerForm(primaries, refresh) {
  const field = (label, control, hint) => {
    control.id = uid('field');
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control,
      hint ? h('small', {}, hint) : null);
  };
  const name = h('input', { name: 'name', required: true, autocomplete: 'off', spellcheck: 'false' });
  const role = h('select', { name: 'role' },
    h('option', { value: 'Primary' }, 'Primary'),
    h('option', { value: 'AsyncReplica' }, 'Read replica'));
  // Any primary may be named, not only those on this page: the list only suggests.
  const known = h('datalist', { id: uid('primaries') },
    primaries.map((primary) => h('option', { value: primary.name })));
  const source = h('input', { name: 'source', disabled: true, list: known.id, autocomplete: 'off',
    spellcheck: 'false' });
  const addresses = h('input', { name: 'addresses', autocomplete: 'off', spellcheck: 'false',
    placeholder: '10.0.0.5, fd00::5' });
  role.addEventListener('change', () => { source.disabled = role.value !== 'AsyncReplica'; });
  const form = h('form', { class: 'register', 'aria-labelledby': 'register-title' },
    h('h2', { id: 'register-title' }, 'Register a server'),
    h('div', { class: 'fields' },
      field('Name', name),
      field('Role', role),
      field('Replica of', source), known,
      field('Addresses', addresses, 'IPv4 or IPv6, separated by commas or spaces')),
    guard(h('button', { type: 'submit', class: 'primary' }, 'Register'), 'admin'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      replicationRole: role.value,
      addresses: addresses.value.split(/[\s,]+/).filter((address) => address !== ''),
    };
    if (role.value === 'AsyncReplica') {
      body.sourceServerName = source.value.trim();
    }
    const server = name.value.trim();
    if (await change(`Registering server ${server}…`, () => api('PUT', path('servers', server), body),
      `Registered server ${server}`)) {
      refresh();
    }
  });
  return form;
}

function setCard(primary, byName, refresh) {
  const members = [primary, ...primary.replicas.map((replica) => byName.get(replica)).filter(Boolean)];
  const pair = primary.virtualEndpoint;
  const titleId = uid('set');
  return h('article', { class: 'set', 'aria-labelledby': titleId },
    h('header', {},
      h('h3', { id: titleId }, primary.name),
      h('a', { href: `#/servers/${encodeURIComponent(primary.name)}/replication`,
        'aria-label': `Replication of ${primary.name}` }, 'Replication')),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Server'), h('th', { scope: 'col' }, 'Role'),
        h('th', { scope: 'col' }, 'Addresses'), h('th', { scope: 'col' }, 'Health'), h('th', { scope: 'col' }, 'Observed'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, members.map((server) => h('tr', {},
        h('td', {}, server.name),
        h('td', {}, server.replicationRole === 'Primary' ? 'Primary' : 'Read replica'),
        h('td', {}, server.addresses.join(', ')),
        h('td', {}, healthBadge(server)),
        h('td', {}, observed(server)),
        h('td', {}, guard(h('button', { type: 'button', class: 'link danger', 'aria-label': `Delete ${server.name}`,
          onclick: () => deleteServer(server.name, refresh) }, 'Delete'), 'admin')))))),
    pair
      ? h('p', { class: 'pair' }, 'Virtual endpoints: ', h('code', {}, pair.writer.fqdn), ' → ', pair.writer.target,
        ', ', h('code', {}, pair.reader.fqdn), ' → ', effectiveTarget(pair.reader),
        pair.roleMismatch ? h('span', { class: 'warning', role: 'note' }, ` Role mismatch: ${pair.roleMismatch}`) : null)
      : h('p', { class: 'pair muted' }, 'No virtual endpoints'));
}

function deleteServer(name, refresh) {
  confirmDialog(`Delete server ${name}?`,
    `${name} is removed from DNS at once. A primary can be deleted only once it has no replicas and no virtual endpoints.`,
    'Delete', async () => {
      if (await change(`Deleting server ${name}…`, () => api('DELETE', path('servers', name)), `Deleted server ${name}`)) {
        refresh();
      }
    });
}
