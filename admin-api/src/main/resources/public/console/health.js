import { h } from './dom.js';

const MB = 1024 * 1024;

/** A server's health as a badge: Healthy, Unhealthy or Unknown from the probes, or Not probed with them off. */
export function healthBadge(server) {
  const health = server.health;
  if (!health) {
    return h('span', { class: 'badge muted' }, 'Not probed');
  }
  return h('span', { class: `badge ${health.state.toLowerCase()}`, title: health.detail || '' }, health.state);
}

/** What the probes saw: the role, the timeline and, for a replica, its lag; empty with probes off. */
export function observed(server) {
  const health = server.health;
  if (!health) {
    return '';
  }
  const parts = [health.observedRole];
  if (health.timeline) {
    parts.push(`timeline ${health.timeline}`);
  }
  if (health.replayLagBytes !== undefined && health.replayLagBytes !== null) {
    parts.push(`lag ${lag(health.replayLagBytes)}${health.replayLagSeconds != null
      ? `, ${health.replayLagSeconds.toFixed(1)} s` : ''}`);
  }
  return parts.join(' · ');
}

function lag(bytes) {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.round(bytes / 1024)} kB`;
}

/**
 * Where a name points now (a pool: each of its members, in turn), and, when the probes moved it from the chosen
 * targets, which those were and why.
 */
export function effectiveTarget(endpoint) {
  const chosen = (endpoint.targets || [endpoint.target]).join(', ');
  const effective = (endpoint.effectiveTargets || [endpoint.effectiveTarget]).join(', ');
  const pool = endpoint.targets ? h('span', { class: 'badge muted' }, 'Pool, in turn') : null;
  if (!endpoint.reason) {
    return h('span', {}, chosen, ' ', pool);
  }
  return h('span', {}, h('strong', {}, effective), ' ', pool, ' ',
    h('span', { class: 'badge unhealthy' }, 'Rerouted'),
    h('small', { class: 'reason' }, ` chosen: ${chosen}. ${endpoint.reason}`));
}
