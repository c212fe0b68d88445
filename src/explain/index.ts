/**
 * Controller decision records (cluster/context.ts `Decision`) turned into sentences, in English
 * and Korean, with the arithmetic spelled out from `decision.values`:
 *
 *   rolling.scaleUpNew, replicas 10, maxSurge "25%", surge 3, current 10, from 0, to 3
 *   en: maxSurge 25% of 10 is 2.5, rounded up to 3, so at most 13 pods may exist; 10 do, …
 *   ko: maxSurge 25%: 10의 25%는 2.5, 올림하여 3이므로 파드는 모두 합쳐 13개까지 …
 *
 * English reuses the controller's own message (it already carries the numbers); Korean is built
 * from the values. A code without a template falls back to the English message, and
 * `explain.test.ts` fails when any code the controllers emit has no Korean template.
 */
import type { Decision } from '../cluster/context.ts';
import { parseTimestamp } from '../k8s/time.ts';
import type { ExplainLang, Template } from './phrases.ts';

export { particle, withParticle, type Particle } from './korean.ts';

export { resolvedPhrase, type ExplainLang } from './phrases.ts';

/** Korean templates by decision code, once loaded (`loadExplanations`). */
let korean: Record<string, Template> | undefined;

/**
 * Loads the templates of `lang` (Korean comes with `import()`): `explain` gives English messages
 * in their place until then.
 */
export async function loadExplanations(lang: ExplainLang): Promise<void> {
  if (lang === 'ko') korean ??= (await import('./ko.ts')).ko;
}

/**
 * Virtual seconds on the app's clock, as the timeline and the console show time: m:ss, and
 * h:mm:ss from an hour on (1:34:07, not 94:07).
 */
export function clock(t: number): string {
  const s = Math.max(0, Math.round(t));
  const ss = String(s % 60).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}:${ss}`;
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${ss}`;
}

/** RFC 3339 timestamps the API server writes (conditions' lastUpdateTime) in a message. */
const TIMESTAMP = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\b/g;

/**
 * One decision as a sentence in `lang`, with the templates given (Korean: `ko.ts`); without one
 * for its code, the controller's message. Timestamps in the message are given on the app's clock
 * ("since 1:40", not "since 2025-01-01T00:01:40Z").
 */
export function explainWith(
  decision: Decision,
  lang: ExplainLang,
  ko: Record<string, Template> | undefined,
): string {
  const tpl = lang === 'ko' ? ko?.[decision.code] : undefined;
  if (tpl) return tpl(decision, decision.values);
  return decision.message.replace(TIMESTAMP, (ts) => {
    const t = parseTimestamp(ts);
    return Number.isFinite(t) ? clock(t) : ts;
  });
}

/** `explain` in the languages loaded so far (`loadExplanations`): what the page shows. */
export const explainLoaded = (decision: Decision, lang: ExplainLang): string =>
  explainWith(decision, lang, korean);

/** The name of the controller that made a decision, as a reader would say it. */
export function controllerName(controller: string, lang: ExplainLang): string {
  const names: Record<string, [string, string]> = {
    'deployment-controller': ['Deployment controller', '디플로이먼트 컨트롤러'],
    'replicaset-controller': ['ReplicaSet controller', '레플리카셋 컨트롤러'],
    kubelet: ['kubelet', 'kubelet'],
    'default-scheduler': ['scheduler', '스케줄러'],
    'disruption-controller': ['Disruption controller', '중단 컨트롤러'],
    'node-lifecycle-controller': ['Node lifecycle controller', '노드 수명 주기 컨트롤러'],
    'endpoint-controller': ['Endpoints controller', '엔드포인트 컨트롤러'],
    'taint-eviction-controller': ['Taint eviction controller', '테인트 축출 컨트롤러'],
    'kubectl drain': ['kubectl drain', 'kubectl drain'],
    lab: ['Fault injected', '장애 주입'],
  };
  const n = names[controller];
  return n ? n[lang === 'ko' ? 1 : 0] : controller;
}
