import type { IntOrString } from './types.ts';

/**
 * intstr.GetScaledValueFromIntOrPercent: an integer is used as is; "P%" of `total` is
 * ceil(P·total/100) when rounding up and floor(P·total/100) when rounding down.
 * Integer arithmetic gives upstream's float result exactly for the sizes that occur.
 *
 *   "25%" of 10, up → 3;  "25%" of 10, down → 2;  3 → 3
 *
 * Throws for a string that is not `<digits>%` (upstream: `invalid value for IntOrString`).
 */
export function getScaledValueFromIntOrPercent(
  value: IntOrString | undefined | null,
  total: number,
  roundUp: boolean,
): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  const m = /^(-?[0-9]+)%$/.exec(value);
  if (!m) {
    if (/^-?[0-9]+$/.test(value)) throw new Error(`invalid type: string is not a percentage`);
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const percent = Number(m[1]);
  const product = percent * total;
  return roundUp ? Math.ceil(product / 100) : Math.floor(product / 100);
}
