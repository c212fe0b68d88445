import type { LabelSelector } from './types.ts';

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
      default:
        return false;
    }
  }
  return true;
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

export type SelectorParseResult = { ok: true; selector: LabelSelector } | { ok: false; error: string };

/**
 * Parses a `-l` selector string: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`,
 * comma-separated (k8s.io/apimachinery/pkg/labels.Parse, for the forms people type).
 */
export function parseSelector(text: string): SelectorParseResult {
  const selector: LabelSelector = {};
  const matchLabels: Record<string, string> = {};
  const exprs: NonNullable<LabelSelector['matchExpressions']> = [];
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || parts.length > 0) parts.push(cur);
  const keyRe = /^([a-zA-Z0-9]([-a-zA-Z0-9_./]*[a-zA-Z0-9])?)$/;
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = p.match(/^([^\s!=]+)\s*(==|=)\s*(\S*)$/))) {
      if (!keyRe.test(m[1]!))
        return { ok: false, error: `unable to parse requirement: invalid label key "${m[1]}"` };
      matchLabels[m[1]!] = m[3]!;
    } else if ((m = p.match(/^([^\s!=]+)\s*!=\s*(\S*)$/))) {
      exprs.push({ key: m[1]!, operator: 'NotIn', values: [m[2]!] });
    } else if ((m = p.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const values = m[3]!
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      exprs.push({ key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = p.match(/^!(\S+)$/))) {
      exprs.push({ key: m[1]!, operator: 'DoesNotExist' });
    } else if (keyRe.test(p)) {
      exprs.push({ key: p, operator: 'Exists' });
    } else {
      return { ok: false, error: `unable to parse requirement: found '${p}', expected: identifier` };
    }
  }
  if (Object.keys(matchLabels).length) selector.matchLabels = matchLabels;
  if (exprs.length) selector.matchExpressions = exprs;
  return { ok: true, selector };
}
