/**
 * `kubectl get --sort-by=<jsonpath>` (cmd/get/sorter.go): objects ordered by the first value the
 * expression finds, compared as kubectl compares them (numbers numerically, strings that are both
 * quantities as quantities, other strings byte by byte, a missing value first), with Go's
 * sort.Sort, whose order of equal elements is part of what kubectl prints: it is ported here.
 */
import { parseQuantity } from '../../k8s/quantity.ts';
import { stringLess } from '../../k8s/timsort.ts';
import type { KubeObject } from '../../k8s/types.ts';
import { KubectlError } from '../command.ts';
import { JsonPathError, selectValues } from './jsonpath.ts';

// ---------------------------------------------------------------------------------------------
// Go's sort.Sort: pattern-defeating quicksort (src/sort/zsortinterface.go, Go 1.24)

interface SortData {
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

const UNKNOWN_HINT = 0;
const INCREASING_HINT = 1;
const DECREASING_HINT = 2;

/** bits.Len: the number of bits needed to represent n. */
function bitsLen(n: number): number {
  return n === 0 ? 0 : Math.floor(Math.log2(n)) + 1;
}

function insertionSort(d: SortData, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
}

function siftDown(d: SortData, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
    if (!d.less(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

function heapSort(d: SortData, a: number, b: number): void {
  const first = a;
  const hi = b - a;
  for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(first, first + i);
    siftDown(d, 0, i, first);
  }
}

function partition(d: SortData, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && d.less(i, a)) i++;
  while (i <= j && !d.less(j, a)) j--;
  if (i > j) {
    d.swap(j, a);
    return [j, true];
  }
  d.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && d.less(i, a)) i++;
    while (i <= j && !d.less(j, a)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  d.swap(j, a);
  return [j, false];
}

function partitionEqual(d: SortData, a: number, b: number, pivot: number): number {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !d.less(a, i)) i++;
    while (i <= j && d.less(a, j)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  return i;
}

function partialInsertionSort(d: SortData, a: number, b: number): boolean {
  const maxSteps = 5;
  const shortestShifting = 50;
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !d.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    d.swap(i, i - 1);
    if (i - a >= 2)
      for (let j = i - 1; j >= 1; j--) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    if (b - i >= 2)
      for (let j = i + 1; j < b; j++) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
  }
  return false;
}

const MASK64 = (1n << 64n) - 1n;

function breakPatterns(d: SortData, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  let random = BigInt(length);
  const next = () => {
    random ^= (random << 13n) & MASK64;
    random ^= random >> 7n;
    random ^= (random << 17n) & MASK64;
    return random;
  };
  const modulus = BigInt(2 ** bitsLen(length));
  const mid = a + Math.floor(length / 4) * 2;
  for (let idx = mid - 1; idx <= mid + 1; idx++) {
    let other = Number(next() & (modulus - 1n));
    if (other >= length) other -= length;
    d.swap(idx, a + other);
  }
}

function choosePivot(d: SortData, a: number, b: number): [number, number] {
  const shortestNinther = 50;
  const maxSwaps = 4 * 3;
  const l = b - a;
  const swaps = { n: 0 };
  let i = a + Math.floor(l / 4) * 1;
  let j = a + Math.floor(l / 4) * 2;
  let k = a + Math.floor(l / 4) * 3;
  if (l >= 8) {
    if (l >= shortestNinther) {
      i = median(d, i - 1, i, i + 1, swaps);
      j = median(d, j - 1, j, j + 1, swaps);
      k = median(d, k - 1, k, k + 1, swaps);
    }
    j = median(d, i, j, k, swaps);
  }
  if (swaps.n === 0) return [j, INCREASING_HINT];
  if (swaps.n === maxSwaps) return [j, DECREASING_HINT];
  return [j, UNKNOWN_HINT];
}

function median(d: SortData, a: number, b: number, c: number, swaps: { n: number }): number {
  const order2 = (x: number, y: number): [number, number] => {
    if (d.less(y, x)) {
      swaps.n++;
      return [y, x];
    }
    return [x, y];
  };
  [a, b] = order2(a, b);
  [b, c] = order2(b, c);
  [a, b] = order2(a, b);
  return b;
}

function reverseRange(d: SortData, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) d.swap(i, j);
}

function pdqsort(d: SortData, a: number, b: number, limit: number): void {
  const maxInsertion = 12;
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= maxInsertion) {
      insertionSort(d, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(d, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b);
    if (hint === DECREASING_HINT) {
      reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING_HINT;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING_HINT && partialInsertionSort(d, a, b)) return;
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(d, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.floor(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** Go's sort.Sort over `items` with `less`, in place: the same order, equal elements included. */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const n = items.length;
  if (n <= 1) return items;
  pdqsort(
    {
      less: (i, j) => less(items[i]!, items[j]!),
      swap: (i, j) => {
        const t = items[i]!;
        items[i] = items[j]!;
        items[j] = t;
      },
    },
    0,
    n,
    bitsLen(n),
  );
  return items;
}

// ---------------------------------------------------------------------------------------------
// kubectl's comparison

/**
 * A value kubectl cannot order (a map, a list, a bool, or a number beside a string). Its sorter
 * does not return this: it ends the process with klog.Exitf, `Field {.metadata.labels} in
 * *unstructured.Unstructured is an unsortable type: interface, err: unsortable type:
 * map[string]interface {}`, from sorter.go's RuntimeSort.Less (line 329; `-o name`, JSON, YAML)
 * or TableSorter.Less (line 375, with `[][][]reflect.Value`; the table printer).
 */
export class UnsortableError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }

  /** The Exitf message for a sort of `path` by the sorter of `printer`'s kind. */
  exit(path: string, printer: 'table' | 'objects'): { line: number; message: string } {
    const table = printer === 'table';
    return {
      line: table ? 375 : 329,
      message: `Field ${path} in ${table ? '[][][]reflect.Value' : '*unstructured.Unstructured'} is an unsortable type: interface, err: ${this.detail}`,
    };
  }
}

/** Go's %T of a decoded JSON value. */
function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/** isLess for the values of an unstructured object (JSON numbers, strings). */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (!Number.isNaN(qa) && !Number.isNaN(qb) && a.trim() === a && b.trim() === b) return qa < qb;
    return stringLess(a, b);
  }
  // A number or a string beside a value of another type: the type switch falls through.
  if (typeof a === 'number' || typeof a === 'string')
    throw new UnsortableError('unsortable interface: interface');
  throw new UnsortableError(`unsortable type: ${goTypeName(a)}`);
}

/** RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m)
    throw new KubectlError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  return `{.${m[1] ?? m[2]}}`;
}

/**
 * The objects sorted by `field` as kubectl's SortingPrinter sorts them. Throws kubectl's error
 * when no object has the field.
 */
export function sortObjects<T extends KubeObject>(objects: T[], field: string): T[] {
  const path = relaxedJsonPath(field);
  const first = (o: T): unknown => {
    let values: unknown[];
    try {
      values = selectValues(path, JSON.parse(JSON.stringify(o)) as unknown);
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(e.message);
      throw e;
    }
    return values.length ? values[0] : undefined;
  };
  const keyed = objects.map((o) => ({ o, v: first(o) }));
  if (keyed.length && keyed.every((k) => k.v === undefined))
    throw new KubectlError(
      `couldn't find any field with path ${JSON.stringify(path)} in the list of objects`,
    );
  // A missing value sorts first (Less is true when i has none).
  goSort(keyed, (x, y) => (x.v === undefined ? true : y.v === undefined ? false : isLess(x.v, y.v)));
  return keyed.map((k) => k.o);
}
