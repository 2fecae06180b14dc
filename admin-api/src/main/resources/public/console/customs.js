import { api, path } from './api.js';
import { confirmDialog } from './dialog.js';
import { h, uid } from './dom.js';
import { change } from './notify.js';
import { guard } from './session.js';

/**
 * A primary's custom endpoints: each name and what it answers in turn, and a form to add one, either as a static
 * list of the set's servers or as all of them but those left out (so that later replicas join by themselves).
 */
export function customEndpointsSection(primary, customs, refresh) {
  return h('section', { 'aria-labelledby': 'customs-title' },
    h('h2', { id: 'customs-title' }, 'Custom endpoints'),
    customs.length === 0
      ? h('p', {}, 'No custom endpoints: name a subset of this set, for analytics or reporting, below.')
      : h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Type'),
          h('th', { scope: 'col' }, 'Definition'), h('th', { scope: 'col' }, 'Answers in turn'),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
        h('tbody', {}, customs.map((custom) => h('tr', {},
          h('td', {}, h('code', {}, custom.fqdn)),
          h('td', {}, custom.type),
          h('td', {}, custom.members ? `only ${custom.members.join(', ') || '(none left)'}`
            : `all but ${custom.excludedMembers.join(', ') || '(none)'}`),
          h('td', {}, custom.effectiveTargets.join(', '), custom.reason
            ? h('small', { class: 'reason' }, ` ${custom.reason}`) : null),
          h('td', {}, guard(h('button', { type: 'button', class: 'link danger', 'aria-label': `Delete ${custom.name}`,
            onclick: () => deleteCustom(primary, custom, refresh) }, 'Delete'), 'operator')))))),
    createForm(primary, refresh));
}

function createForm(primary, refresh) {
  const name = h('input', { id: uid('custom'), required: true, autocomplete: 'off', spellcheck: 'false' });
  const type = h('select', { id: uid('type') }, h('option', { value: 'Reader' }, 'Reader (replicas only)'),
    h('option', { value: 'Any' }, 'Any (the primary too)'));
  const mode = h('select', { id: uid('mode') }, h('option', { value: 'members' }, 'Only these servers'),
    h('option', { value: 'excludedMembers' }, 'All but these servers'));
  const servers = h('select', { id: uid('servers'), multiple: true, size: Math.min(4, primary.replicas.length + 1) },
    [primary.name, ...primary.replicas].map((server) => h('option', { value: server }, server)));
  const form = h('form', { class: 'register', 'aria-labelledby': 'custom-create-title' },
    h('h3', { id: 'custom-create-title' }, 'Create a custom endpoint'),
    h('div', { class: 'fields' },
      h('div', { class: 'field' }, h('label', { for: name.id }, 'Custom endpoint name'), name),
      h('div', { class: 'field' }, h('label', { for: type.id }, 'Type'), type),
      h('div', { class: 'field' }, h('label', { for: mode.id }, 'Membership'), mode),
      h('div', { class: 'field' }, h('label', { for: servers.id }, 'Servers'), servers)),
    guard(h('button', { type: 'submit', class: 'primary' }, 'Create custom endpoint'), 'operator'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const custom = name.value.trim();
    const body = { type: type.value, [mode.value]: [...servers.selectedOptions].map((option) => option.value) };
    if (await change(`Creating custom endpoint ${custom}…`,
      () => api('PUT', path('servers', primary.name, 'custom-endpoints', custom), body),
      (created) => `Created ${created.fqdn}, answering ${created.effectiveTargets.join(', ')}`)) {
      refresh();
    }
  });
  return form;
}

function deleteCustom(primary, custom, refresh) {
  confirmDialog(`Delete custom endpoint ${custom.name}?`,
    `${custom.fqdn} stops resolving at once; clients using it fail to connect.`, 'Delete', async () => {
      if (await change(`Deleting custom endpoint ${custom.name}…`,
        () => api('DELETE', path('servers', primary.name, 'custom-endpoints', custom.name)),
        `Deleted custom endpoint ${custom.name}`)) {
        refresh();
      }
    });
}
