import { api, describeError, path, recentEvents } from './api.js';
import { customEndpointsSection } from './customs.js';
import { confirmDialog, openDialog } from './dialog.js';
import { h, replace, uid } from './dom.js';
import { change, notify } from './notify.js';
import { effectiveTarget, healthBadge, observed } from './health.js';
import { guard } from './session.js';

const VALIDATE_AFTER_MS = 250;
const EVENTS_SCANNED = 200;
const EVENTS_SHOWN = 15;

/** A primary's Replication page: its replicas (with Promote), its virtual endpoints, its recent events. */
export async function replicationPage(view, name, refresh) {
  const primary = await api('GET', path('servers', name));
  if (primary.replicationRole !== 'Primary') {
    location.hash = `#/servers/${encodeURIComponent(primary.sourceServerName)}/replication`;
    return;
  }
  const replicas = await Promise.all(primary.replicas.map((replica) => api('GET', path('servers', replica))));
  const customs = await api('GET', `${path('servers', primary.name)}/custom-endpoints`);
  const members = new Set([primary.name, ...primary.replicas]);
  const events = (await recentEvents(EVENTS_SCANNED))
    .filter((event) => event.servers.some((server) => members.has(server)))
    .slice(0, EVENTS_SHOWN);
  replace(view,
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/servers' }, 'Servers'), ' / ',
      primary.name),
    h('h1', { tabindex: '-1' }, `${primary.name}: Replication`),
    h('p', { class: 'muted' }, `Primary · ${primary.addresses.join(', ')} · ${primary.fqdn} `, healthBadge(primary), ' ',
      observed(primary)),
    replicasSection(primary, replicas, refresh),
    endpointsSection(primary, refresh),
    customEndpointsSection(primary, customs, refresh),
    eventsSection(events));
}

function replicasSection(primary, replicas, refresh) {
  return h('section', { 'aria-labelledby': 'replicas-title' },
    h('h2', { id: 'replicas-title' }, 'Replicas'),
    replicas.length === 0
      ? h('p', {}, 'This primary has no read replicas.')
      : h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Role'),
          h('th', { scope: 'col' }, 'Addresses'), h('th', { scope: 'col' }, 'Health'), h('th', { scope: 'col' }, 'Observed'),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
        h('tbody', {}, replicas.map((replica) => h('tr', {},
          h('td', {}, replica.name),
          h('td', {}, 'Read replica'),
          h('td', {}, replica.addresses.join(', ')),
          h('td', {}, healthBadge(replica)),
          h('td', {}, observed(replica)),
          h('td', {}, guard(h('button', { type: 'button', 'aria-label': `Promote ${replica.name}`,
            onclick: () => promoteDialog(primary, replica.name, refresh) }, 'Promote'), 'operator')))))));
}

function radios(legend, name, choices) {
  const inputs = choices.map(([value, label], index) => {
    const input = h('input', { type: 'radio', name, value, id: uid(name), checked: index === 0 });
    return { input, element: h('div', { class: 'choice' }, input, h('label', { for: input.id }, label)) };
  });
  return {
    element: h('fieldset', {}, h('legend', {}, legend), inputs.map((choice) => choice.element)),
    value: () => inputs.find((choice) => choice.input.checked).input.value,
    onChange: (listener) => inputs.forEach((choice) => choice.input.addEventListener('change', listener)),
  };
}

/** The dialog asks the server (a dry run) what the promotion would do, and says so before anyone confirms. */
function promoteDialog(primary, replica, refresh) {
  const mode = radios('Promote mode', 'promoteMode', [['Switchover', 'Switchover: swap roles with the primary'],
    ['Standalone', 'Standalone: leave the set as a primary of its own']]);
  const option = radios('Promote option', 'promoteOption', [['Planned', 'Planned'], ['Forced', 'Forced']]);
  const explanation = h('div', { class: 'explanation', 'aria-live': 'polite' });
  const controls = openDialog({
    title: `Promote ${replica}`,
    confirmLabel: 'Promote',
    body: () => [mode.element, option.element, explanation],
    onConfirm: async () => {
      const body = { promoteMode: mode.value(), promoteOption: option.value() };
      const ok = await change(`Promoting ${replica}…`,
        () => api('POST', `${path('servers', replica)}/promote`, body),
        (result) => `Promoted ${replica} (${result.promoteMode}, ${result.promoteOption})`);
      if (ok && body.promoteMode === 'Switchover') {
        location.hash = `#/servers/${encodeURIComponent(replica)}/replication`;
      } else if (ok) {
        refresh();
      }
    },
  });
  const explain = async () => {
    const body = { promoteMode: mode.value(), promoteOption: option.value() };
    try {
      const preview = await api('POST', `${path('servers', replica)}/promote?dryRun=true`, body);
      controls.confirm.disabled = false;
      replace(explanation, explainPromotion(primary.name, replica, body, preview));
    } catch (error) {
      controls.confirm.disabled = true;
      replace(explanation, h('p', { class: 'error', role: 'alert' }, describeError(error)));
    }
  };
  mode.onChange(explain);
  option.onChange(explain);
  explain();
}

function explainPromotion(primary, replica, request, preview) {
  const roles = request.promoteMode === 'Switchover'
    ? `${replica} becomes the primary of this replication set; ${primary} and the other replicas replicate from it.`
    : `${replica} leaves this replication set and becomes a primary of its own; ${primary} stays the primary here.`;
  const names = preview.replicationSets
    .filter((set) => set.virtualEndpoint)
    .map((set) => set.virtualEndpoint)
    .map((pair) => h('li', {}, h('code', {}, pair.writer.fqdn), ' will point to ', h('strong', {}, pair.writer.target),
      '; ', h('code', {}, pair.reader.fqdn), ' will point to ', h('strong', {}, pair.reader.target), '.'));
  const timing = request.promoteOption === 'Forced'
    ? 'Forced: promote at once, as in an outage; writes the replica has not received yet may be lost.'
    : 'Planned: the usual choice, once the replica has caught up with the primary.';
  return [h('p', {}, roles),
    names.length ? h('ul', {}, names) : h('p', {}, 'No virtual endpoints change.'),
    h('p', { class: 'muted' }, `${timing} vedns moves the names either way; the choice is kept in the event log.`)];
}

function endpointsSection(primary, refresh) {
  const pair = primary.virtualEndpoint;
  return h('section', { 'aria-labelledby': 'endpoints-title' },
    h('h2', { id: 'endpoints-title' }, 'Virtual endpoints'),
    pair ? existingPair(primary, pair, refresh) : h('div', {},
      h('p', {}, 'This replication set has no virtual endpoints.'),
      guard(h('button', { type: 'button', class: 'primary', onclick: () => createDialog(primary, refresh) },
        'Create virtual endpoints'), 'operator')));
}

function readerChoices(primary, selected) {
  return [...primary.replicas, primary.name].map((name) =>
    h('option', { value: name, selected: selected.includes(name) }, name === primary.name ? `${name} (primary)` : name));
}

function createDialog(primary, refresh) {
  const name = h('input', { id: uid('base'), required: true, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'base-hint base-message' });
  const message = h('div', { id: 'base-message', class: 'field-message', 'aria-live': 'polite' });
  const writer = h('input', { id: uid('writer'), value: primary.name, readonly: true });
  // Which server the reader targets when none is chosen is the server's rule: its dry run tells, and the
  // choice opens once it has.
  const reader = h('select', { id: uid('reader'), disabled: true }, readerChoices(primary, []));
  let readerChosen = false;
  reader.addEventListener('change', () => { readerChosen = true; });
  let check = 0;
  const controls = openDialog({
    title: 'Create virtual endpoints',
    confirmLabel: 'Create',
    body: () => [
      h('div', { class: 'field' }, h('label', { for: name.id }, 'Base name'), name,
        h('small', { id: 'base-hint' }, 'Applications connect to <base name>.writer.<zone> and <base name>.reader.<zone>.'),
        message),
      h('div', { class: 'field' }, h('label', { for: writer.id }, 'Target of writer endpoint'), writer,
        h('small', {}, 'Always the primary of the set.')),
      h('div', { class: 'field' }, h('label', { for: reader.id }, 'Target of reader endpoint'), reader)],
    onConfirm: async () => {
      const base = name.value.trim();
      const body = { endpointType: 'ReadWrite', members: [reader.value] };
      if (await change('Creating virtual endpoints…',
        () => api('PUT', path('servers', primary.name, 'virtual-endpoints', base), body),
        (created) => `Created virtual endpoints ${created.virtualEndpoints.join(' and ')}`)) {
        refresh();
        return true;
      }
      return false;
    },
  });
  controls.confirm.disabled = true;
  // The server's own rules judge the name, through a dry run of the same request.
  const validate = async () => {
    const mine = ++check;
    const base = name.value.trim();
    if (base === '') {
      controls.confirm.disabled = true;
      name.removeAttribute('aria-invalid');
      replace(message);
      return;
    }
    try {
      const preview = await api('PUT',
        `${path('servers', primary.name, 'virtual-endpoints', base)}?dryRun=true`,
        readerChosen ? { endpointType: 'ReadWrite', members: [reader.value] } : { endpointType: 'ReadWrite' });
      if (mine !== check) {
        return;
      }
      reader.value = preview.members[0];
      reader.disabled = false;
      name.removeAttribute('aria-invalid');
      controls.confirm.disabled = false;
      replace(message, h('ul', { class: 'fqdns' },
        h('li', {}, 'Writer endpoint: ', h('code', {}, preview.writer.fqdn)),
        h('li', {}, 'Reader endpoint: ', h('code', {}, preview.reader.fqdn))));
    } catch (error) {
      if (mine !== check) {
        return;
      }
      name.setAttribute('aria-invalid', 'true');
      controls.confirm.disabled = true;
      replace(message, h('p', { class: 'error', role: 'alert' }, describeError(error)));
    }
  };
  let timer;
  name.addEventListener('input', () => {
    clearTimeout(timer);
    controls.confirm.disabled = true;
    timer = setTimeout(validate, VALIDATE_AFTER_MS);
  });
  name.focus();
}

function existingPair(primary, pair, refresh) {
  const row = (label, endpoint) => h('tr', {},
    h('th', { scope: 'row' }, label),
    h('td', {}, h('code', {}, endpoint.fqdn), ' ',
      h('button', { type: 'button', class: 'link', 'aria-label': `Copy ${endpoint.fqdn}`,
        onclick: () => copy(endpoint.fqdn) }, 'Copy')),
    h('td', {}, effectiveTarget(endpoint)));
  // Several members make a pool: DNS then names one of them per answer, in turn.
  const reader = h('select', { id: uid('retarget'), multiple: true, size: Math.min(4, primary.replicas.length + 1),
    'aria-describedby': 'pool-hint' }, readerChoices(primary, pair.members));
  const retarget = h('form', { class: 'inline' },
    h('label', { for: reader.id }, 'Reader target'), reader,
    h('small', { id: 'pool-hint', class: 'muted' }, 'Choose several for a pool: each answer names one, in turn.'),
    guard(h('button', { type: 'submit' }, 'Change reader target'), 'operator'));
  retarget.addEventListener('submit', async (event) => {
    event.preventDefault();
    const members = [...reader.selectedOptions].map((option) => option.value);
    if (await change('Changing the reader target…',
      () => api('PATCH', path('servers', primary.name, 'virtual-endpoints', pair.name), { members }),
      `${pair.reader.fqdn} now points to ${members.join(', ')}`)) {
      refresh();
    }
  });
  const follows = h('input', { type: 'checkbox', id: uid('follows'), checked: pair.writerFollowsObservedPrimary });
  const option = h('form', { class: 'inline' }, follows,
    h('label', { for: follows.id }, 'Writer follows the observed primary'),
    h('small', { class: 'muted' }, ' With health probes on, a replica promoted outside vedns (Patroni, an operator)'
      + ' takes the writer; otherwise only a promotion here moves it.'),
    guard(h('button', { type: 'submit' }, 'Save'), 'operator'));
  option.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { writerFollowsObservedPrimary: follows.checked };
    if (await change('Saving the writer option…',
      () => api('PATCH', path('servers', primary.name, 'virtual-endpoints', pair.name), body),
      follows.checked ? `${pair.writer.fqdn} now follows the observed primary`
        : `${pair.writer.fqdn} now moves only by promotion`)) {
      refresh();
    }
  });
  return h('div', {},
    pair.roleMismatch ? h('p', { class: 'warning', role: 'alert' }, `Role mismatch: ${pair.roleMismatch}`) : null,
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Endpoint'), h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'Points to'))),
      h('tbody', {}, row('Writer', pair.writer), row('Reader', pair.reader))),
    retarget,
    option,
    guard(h('button', { type: 'button', class: 'danger', onclick: () => confirmDialog(`Delete virtual endpoints ${pair.name}?`,
      `${pair.writer.fqdn} and ${pair.reader.fqdn} stop resolving at once; clients using them fail to connect.`,
      'Delete', async () => {
        if (await change('Deleting virtual endpoints…',
          () => api('DELETE', path('servers', primary.name, 'virtual-endpoints', pair.name)),
          `Deleted virtual endpoints ${pair.name}`)) {
          refresh();
        }
      }) }, 'Delete virtual endpoints'), 'operator'));
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    notify(`Copying ${text}…`).success(`Copied ${text}`);
  } catch (denied) {
    notify(`Copying ${text}…`).failure(`The browser did not allow copying; select the name instead: ${text}`);
  }
}

function eventsSection(events) {
  return h('section', { 'aria-labelledby': 'events-title' },
    h('h2', { id: 'events-title' }, 'Recent events'),
    events.length === 0 ? h('p', {}, 'No events yet.') : h('ol', { class: 'events' }, events.map((event) =>
      h('li', {},
        h('time', { datetime: event.time }, new Date(event.time).toLocaleString()), ' ',
        h('strong', {}, event.kind), ' ', event.servers.join(', '),
        event.targets.length ? h('ul', {}, event.targets.map((target) => h('li', {},
          h('code', {}, target.fqdn), `: ${target.before || '(none)'} → ${target.after || '(none)'}`))) : null))));
}
