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

/** The suffixes resource.Quantity's suffixer knows (binary, decimal SI); `e<n>` exponents too. */
const QUANTITY_SUFFIXES = new Set([
  '',
  'Ki',
  'Mi',
  'Gi',
  'Ti',
  'Pi',
  'Ei',
  'n',
  'u',
  'm',
  'k',
  'M',
  'G',
  'T',
  'P',
  'E',
]);
const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * resource.ParseQuantity's verdict on a string: undefined when it parses, else its error
 * (ErrFormatWrong or ErrSuffix). A hand-written scanner like upstream's parseQuantityString
 * (`staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go`), linear in the input.
 */
export function parseQuantityStrict(str: string): string | undefined {
  const formatWrong =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  if (str.length === 0) return formatWrong;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end && str[pos] === '.') {
    pos++;
    while (pos < end && isDigit(str[pos])) pos++;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) return formatWrong;
  const suffix = str.slice(suffixStart);
  if (QUANTITY_SUFFIXES.has(suffix)) return undefined;
  if ((suffix[0] === 'e' || suffix[0] === 'E') && /^[eE][-+]?[0-9]+$/.test(suffix)) return undefined;
  return "unable to parse quantity's suffix";
}

const DECIMAL_EXP: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_EXP: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/**
 * Quantity.String(), the canonical form validation messages print (`0.5` → `500m`, `1024Mi` →
 * `1Gi`, `1000` → `1k`), for quantities that parse; anything else comes back as given.
 */
export function canonicalQuantity(text: string): string {
  if (parseQuantityStrict(text) !== undefined) return text;
  let i = 0;
  let sign = '';
  if (text[0] === '-' || text[0] === '+') {
    sign = text[0] === '-' ? '-' : '';
    i = 1;
  }
  let digits = '';
  let scale = 0;
  for (; i < text.length && isDigit(text[i]); i++) digits += text[i];
  if (text[i] === '.') {
    for (i++; i < text.length && isDigit(text[i]); i++, scale--) digits += text[i];
  }
  const suffix = text.slice(i);
  let mantissa = BigInt(digits === '' ? '0' : digits);
  if (mantissa === 0n) return '0';
  if (suffix in BINARY_EXP) {
    // Binary quantities stay binary when they are whole bytes.
    const bytesTimes = mantissa * 2n ** BigInt(BINARY_EXP[suffix]!);
    const div = 10n ** BigInt(-scale);
    if (bytesTimes % div === 0n) {
      let bytes = bytesTimes / div;
      let k = 0;
      while (k < 60 && bytes % 1024n === 0n && bytes >= 1024n) {
        bytes /= 1024n;
        k += 10;
      }
      const unit = Object.keys(BINARY_EXP).find((s) => BINARY_EXP[s] === k) ?? '';
      if (k > 0 || bytes < 1024n) return `${sign}${bytes}${unit}`;
    }
    mantissa = bytesTimes;
  } else if (suffix.startsWith('e') || suffix.startsWith('E')) {
    scale += Number(suffix.slice(1));
  } else scale += DECIMAL_EXP[suffix] ?? 0;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale++;
  }
  // The smallest multiple-of-three exponent that keeps the mantissa whole.
  let exp = Math.floor(scale / 3) * 3;
  exp = Math.min(18, Math.max(-9, exp));
  const shift = scale - exp;
  const m = shift >= 0 ? mantissa * 10n ** BigInt(shift) : mantissa;
  const unit = Object.keys(DECIMAL_EXP).find((s) => DECIMAL_EXP[s] === exp) ?? '';
  return `${sign}${m}${unit}`;
}
