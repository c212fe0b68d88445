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

type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** The ten to a power, as a BigInt. */
const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** removeInt64Factors: the value without its factors of `base`, and how many there were. */
function removeFactors(value: bigint, base: bigint): [bigint, number] {
  let r = abs(value);
  let times = 0;
  while (r >= base && r % base === 0n) {
    r /= base;
    times++;
  }
  return [value < 0n ? -r : r, times];
}

/**
 * Quantity.CanonicalizeBytes of `unscaled × 10^scale`: binary quantities of at least 1024 whole
 * bytes with the largest binary suffix that divides them, the rest as a mantissa and an exponent
 * that is a multiple of three (an SI suffix, or `e<n>` for the exponent format). An exponent that
 * has no SI suffix (`1000E`) loses it, as upstream's suffixer leaves it out.
 */
function canonicalize(unscaled: bigint, scale: number, format: QuantityFormat): string {
  if (unscaled === 0n) return '0';
  let f = format;
  if (f === 'BinarySI') {
    const whole = scale >= 0 || unscaled % pow10(-scale) === 0n;
    const below1024 =
      scale >= 0 ? abs(unscaled) * pow10(scale) < 1024n : abs(unscaled) < 1024n * pow10(-scale);
    if (below1024 || !whole) f = 'DecimalSI';
    else {
      const value = scale >= 0 ? unscaled * pow10(scale) : unscaled / pow10(-scale);
      const [amount, times] = removeFactors(value, 1024n);
      const unit = Object.keys(BINARY_EXP).find((k) => BINARY_EXP[k] === times * 10) ?? '';
      return `${amount}${unit}`;
    }
  }
  const [withoutTens, times] = removeFactors(unscaled, 10n);
  let amount = withoutTens;
  let exponent = scale + times;
  while (exponent % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  if (f === 'DecimalExponent') return `${amount}${exponent === 0 ? '' : `e${exponent}`}`;
  return `${amount}${Object.keys(DECIMAL_EXP).find((k) => DECIMAL_EXP[k] === exponent) ?? ''}`;
}

/**
 * Quantity.String() of what resource.ParseQuantity makes of a string: the form the API server
 * stores and validation messages print (`0.5` → `500m`, `1024Mi` → `1Gi`, `1000` → `1k`,
 * `0.5n` → `1n`), for quantities that parse; anything else comes back as given. As upstream, a
 * string already in a canonical shape is kept as written (`+1`, `012`, `100Mi`, `1.5e-2`), and a
 * quantity written with an exponent keeps that format (`1e3`; `15e2` is `1500`).
 */
export function canonicalQuantity(text: string): string {
  if (parseQuantityStrict(text) !== undefined) return text;
  if (text === '0') return text;
  // parseQuantityString: the sign, the numerator without its leading zeros, the denominator.
  let pos = 0;
  const positive = text[0] !== '-';
  if (text[0] === '-' || text[0] === '+') pos++;
  while (pos < text.length && text[pos] === '0') pos++;
  const numStart = pos;
  while (pos < text.length && isDigit(text[pos])) pos++;
  const num = text.slice(numStart, pos) || '0';
  let denom = '';
  if (text[pos] === '.') {
    const denomStart = ++pos;
    while (pos < text.length && isDigit(text[pos])) pos++;
    denom = text.slice(denomStart, pos);
  }
  const suffix = text.slice(pos);
  // quantitySuffixer.interpret.
  let base: 2 | 10 = 10;
  let exponent: number;
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in DECIMAL_EXP) exponent = DECIMAL_EXP[suffix]!;
  else if (suffix in BINARY_EXP) [base, exponent, format] = [2, BINARY_EXP[suffix]!, 'BinarySI'];
  else [exponent, format] = [Number(suffix.slice(1)), 'DecimalExponent'];

  // The fast path, in int64: the string is reused when it is already canonical.
  let scale = 0;
  let mantissa = 1n;
  let precision: number;
  if (format !== 'BinarySI') {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  } else if (denom.length === 0) {
    mantissa = 1n << BigInt(exponent);
    precision = 15 - num.length - Math.trunc(Math.fround((exponent * 3) / 10)) - 1;
  } else precision = -1;
  if (precision >= 0 && scale - denom.length >= -9) {
    scale -= denom.length;
    const shifted = num + denom;
    const value = BigInt(shifted);
    const result = value * mantissa;
    if (result <= 2n ** 63n - 1n) {
      const reuse =
        format === 'BinarySI'
          ? exponent % 10 === 0 && (value & 7n) !== 0n
          : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
      if (reuse) return text;
      return canonicalize(positive ? result : -result, scale, format);
    }
  }

  // The slow path, in decimals: rounded up to nano, binary ones capped at the int64 maximum.
  let unscaled = BigInt(num + denom);
  let s = -denom.length;
  if (base === 10) s += exponent;
  else unscaled *= 1n << BigInt(exponent);
  if (s < -9 && unscaled !== 0n) {
    const div = pow10(-9 - s);
    unscaled = (unscaled + div - 1n) / div;
    s = -9;
  }
  if (format === 'BinarySI') {
    const max = 2n ** 63n - 1n;
    if (s >= 0 ? unscaled * pow10(s) > max : unscaled > max * pow10(-s)) [unscaled, s] = [max, 0];
    // Below one, a binary quantity is shown as a decimal one.
    if (unscaled !== 0n && (s >= 0 ? false : unscaled < pow10(-s))) format = 'DecimalSI';
  }
  return canonicalize(positive ? unscaled : -unscaled, s, format);
}
