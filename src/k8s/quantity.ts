/**
 * resource.Quantity for the forms manifests use: plain and decimal numbers, milli (`500m`), decimal
 * SI (`k M G T P E`) and binary SI (`Ki Mi Gi Ti Pi Ei`) suffixes. Returns a number in base units
 * (cores for cpu, bytes for memory), or NaN when the text is not a quantity.
 */
const suffixes: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const quantityCache = new Map<string, number>();

export function parseQuantity(text: string | number | undefined): number {
  if (text === undefined) return 0;
  if (typeof text === 'number') return text;
  let v = quantityCache.get(text);
  if (v === undefined) {
    v = parseQuantityText(text);
    if (quantityCache.size > 10_000) quantityCache.clear();
    quantityCache.set(text, v);
  }
  return v;
}

function parseQuantityText(text: string): number {
  const m =
    /^([+-]?[0-9]+(?:\.[0-9]+)?|[+-]?\.[0-9]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+)?$/.exec(
      text.trim(),
    );
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  const s = m[2] ?? '';
  if (/^[eE]/.test(s)) return n * 10 ** Number(s.slice(1));
  return n * suffixes[s]!;
}

export function isQuantity(text: string | number): boolean {
  return !Number.isNaN(parseQuantity(text));
}

/** Formats cores as kubectl shows requests: `250m`, `1`, `1500m`. */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Formats bytes with the largest binary suffix that divides evenly: `128Mi`, `8Gi`, `1000`. */
export function formatMemory(bytes: number): string {
  for (const s of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const f = suffixes[s]!;
    if (bytes >= f && bytes % f === 0) return `${bytes / f}${s}`;
  }
  return String(Math.round(bytes));
}
