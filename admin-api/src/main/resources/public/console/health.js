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

/** Where a name points now, and, when the probes moved it from the chosen target, which that was and why. */
export function effectiveTarget(endpoint) {
  if (endpoint.effectiveTarget === endpoint.target) {
    return endpoint.target;
  }
  return h('span', {}, h('strong', {}, endpoint.effectiveTarget), ' ',
    h('span', { class: 'badge unhealthy' }, 'Rerouted'),
    h('small', { class: 'reason' }, ` chosen: ${endpoint.target}. ${endpoint.reason}`));
}
