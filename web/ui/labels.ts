/** Words for pods that more than one panel uses (diagram, details, aggregated lanes). */
import type { useT } from '../i18n/index.ts';
import type { PodView } from '../../src/index.ts';

export type T = ReturnType<typeof useT>;

/** Pod state in words, for labels and tooltips. */
export const stateText = (t: T, state: PodView['state']): string => t(`state.${state}`);

/** A pod's accessible name: name, version, state, and whether it receives traffic. */
export function podLabel(t: T, pod: PodView): string {
  const state = stateText(t, pod.state);
  const reason = pod.reason && pod.reason !== 'Running' && pod.reason !== state ? ` (${pod.reason})` : '';
  return `${t('pod.label', { name: pod.name, version: pod.version, state })}${reason}${pod.endpoint ? t('pod.receiving') : ''}`;
}
