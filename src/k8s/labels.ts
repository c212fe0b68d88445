import type { LabelSelector, LabelSelectorRequirement } from './types.ts';

/** Does a LabelSelector (matchLabels + matchExpressions) select these labels? */
export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  const ml = selector.matchLabels;
  if (ml) for (const k in ml) if (l[k] !== ml[k]) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key);
    const value = l[req.key];
    switch (req.operator) {
      case 'In':
        if (!has || !(req.values ?? []).includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && (req.values ?? []).includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      // A `-l` selector's integer comparisons (src/k8s/selector.ts); no API object's selector has them.
      case 'Gt' as LabelSelectorRequirement['operator']:
      case 'Lt' as LabelSelectorRequirement['operator']: {
        // No integer, no match.
        const n = has ? parseInt64(value!) : undefined;
        if (n === undefined) return false;
        const than = BigInt(req.values![0]!);
        if ((req.operator as string) === 'Gt' ? n <= than : n >= than) return false;
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/** strconv.ParseInt(s, 10, 64): the integer, or undefined where Go's would fail. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return BigInt.asIntN(64, n) === n ? n : undefined;
}

/** A selector with no requirements selects everything (metav1.LabelSelectorAsSelector). */
export function selectorIsEmpty(selector: LabelSelector | undefined): boolean {
  if (!selector) return true;
  return (
    Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0
  );
}

/** Does a plain map selector (Service.spec.selector) match? An empty map selects nothing for Services. */
export function mapSelectorMatches(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  let any = false;
  for (const k in selector) {
    any = true;
    if (l[k] !== selector[k]) return false;
  }
  return any;
}

/** Renders a LabelSelector the way kubectl prints it (`app=kubia,pod-template-hash=5d4f`). */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  ))
    parts.push(`${k}=${v}`);
  for (const req of selector.matchExpressions ?? []) {
    const values = [...(req.values ?? [])].sort().join(',');
    switch (req.operator) {
      case 'In':
        parts.push(`${req.key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${req.key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(req.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${req.key}`);
        break;
    }
  }
  return parts.length ? parts.join(',') : '<none>';
}

/** Formats a label map like kubectl's `--show-labels` and describe (`app=kubia,rel=beta`). */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}
