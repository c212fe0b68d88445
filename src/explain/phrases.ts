/**
 * What the English and Korean explanations share: the decision's values read as text and numbers,
 * and how an int-or-percent field resolves, as a phrase.
 */
import type { Decision } from '../cluster/context.ts';
import { withParticle as w } from './korean.ts';

export type ExplainLang = 'en' | 'ko';

export type Values = Decision['values'];
export type Template = (d: Decision, v: Values) => string;

export const str = (v: Values, k: string): string => String(v[k] ?? '');
export const num = (v: Values, k: string): number => {
  const x = v[k];
  return typeof x === 'number' ? x : Number(x ?? 0);
};
/** Numbers as people write them: 2.5, not 2.5000000001. */
export const fmt = (n: number): string => String(Number(n.toFixed(2)));

/**
 * How an int-or-percent field resolves, as a phrase: "25% of 10 is 2.5, rounded up to 3".
 * `result` is what the controller used; when it differs from the plain rounding (both fields 0
 * would stall a rollout, so maxUnavailable becomes 1) the fencepost rule is named.
 */
export function resolvedPhrase(
  field: string,
  raw: string,
  total: number,
  result: number,
  up: boolean,
  lang: ExplainLang,
): string {
  const pct = /^(\d+)%$/.exec(raw.trim());
  let text: string;
  let rounded: number;
  if (pct) {
    const exact = (Number(pct[1]) * total) / 100;
    rounded = up ? Math.ceil(exact) : Math.floor(exact);
    if (Number.isInteger(exact))
      text =
        lang === 'ko'
          ? `${field} ${raw}: ${total}의 ${raw}는 ${fmt(exact)}`
          : `${field} ${raw} of ${total} is ${fmt(exact)}`;
    else
      text =
        lang === 'ko'
          ? `${field} ${raw}: ${total}의 ${raw}는 ${fmt(exact)}, ${up ? '올림' : '내림'}하여 ${rounded}`
          : `${field} ${raw} of ${total} is ${fmt(exact)}, rounded ${up ? 'up' : 'down'} to ${rounded}`;
  } else {
    rounded = Number(raw);
    text = lang === 'ko' ? `${field} ${raw}` : `${field} is ${raw}`;
  }
  if (Number.isFinite(rounded) && rounded !== result) {
    if (rounded > result)
      text +=
        lang === 'ko'
          ? ` (레플리카 수 ${w(total, '을')} 넘을 수 없어 ${result})`
          : ` (capped at the ${total} replicas: ${result})`;
    else
      text +=
        lang === 'ko'
          ? ` (maxSurge와 maxUnavailable이 둘 다 0이면 롤아웃이 움직일 수 없으므로 ${result})`
          : ` (maxSurge and maxUnavailable cannot both be 0, so ${result})`;
  }
  return text;
}
