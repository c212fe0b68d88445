/** Words for pods that more than one panel uses (diagram, details, aggregated lanes). */
import type { useT } from '../i18n/index.ts';
import { STATE_LABEL, type PodView } from '../../src/index.ts';

export type T = ReturnType<typeof useT>;

/** Pod state in words, for labels and tooltips. */
export const stateText = (t: T, state: PodView['state']): string => t(`state.${state}`);

/** A pod's accessible name: name, version, state, and whether it receives traffic. */
export function podLabel(t: T, pod: PodView): string {
  const state = stateText(t, pod.state);
  // The reason when it says more than the state (in any language: Korean names the state too).
  const said = pod.reason === 'Running' || pod.reason === state || pod.reason === STATE_LABEL[pod.state];
  const reason = pod.reason && !said ? ` (${pod.reason})` : '';
  return `${t('pod.label', { name: pod.name, version: pod.version, state })}${reason}${pod.endpoint ? t('pod.receiving') : ''}`;
}

/** How many of `pods` are in each state, in the order the states first appear. */
export function countByState(pods: readonly PodView[]): Map<PodView['state'], number> {
  const counts = new Map<PodView['state'], number>();
  for (const p of pods) counts.set(p.state, (counts.get(p.state) ?? 0) + 1);
  return counts;
}

/** "3 Ready, 1 Terminating": a lane's pods counted by state, for words and assistive technology. */
export const stateCounts = (t: T, pods: readonly PodView[]): string =>
  [...countByState(pods)].map(([s, n]) => `${n} ${stateText(t, s)}`).join(', ');
