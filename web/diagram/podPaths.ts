/**
 * Pod glyphs as SVG path data, grouped by what they are drawn with: one path per state and colour
 * (and per part: a ContainerCreating ring's track and its progress, a Terminating pod's strike)
 * however many pods there are. A crowded lane is then a dozen elements rather than four or five
 * per pod, and a single glyph (`PodShape`) is the same paths for one pod, so both look alike.
 *
 * The look is DESIGN.md §5's: fill and outline carry the state. A circle is drawn as two arcs
 * from its rightmost point clockwise, where an SVG `<circle>` starts, so dashes fall the same way;
 * a ContainerCreating ring's progress runs clockwise from the top.
 */
import type { PodState } from '../../src/index.ts';

export interface PlacedPod {
  x: number;
  y: number;
  state: PodState;
  colour: number;
  /** 0..1 through ContainerCreating (the ring's progress). */
  progress: number;
}

/** One element to draw: its path data and how it is painted. */
export interface PodPath {
  key: string;
  state: PodState;
  colour: number;
  part: 'body' | 'track' | 'progress' | 'strike' | 'warning' | 'check';
  d: string;
}

const n = (v: number) => Math.round(v * 100) / 100;

export const circlePath = (x: number, y: number, r: number): string =>
  `M${n(x + r)},${n(y)}A${r},${r} 0 1 1 ${n(x - r)},${n(y)}A${r},${r} 0 1 1 ${n(x + r)},${n(y)}Z`;

/** The part of a ring from the top, clockwise, `f` of the way round (at least 5%, as drawn). */
export function arcPath(x: number, y: number, r: number, progress: number): string {
  const f = Math.max(0.05, Math.min(1, progress));
  if (f >= 1)
    return `M${n(x)},${n(y - r)}A${r},${r} 0 1 1 ${n(x)},${n(y + r)}A${r},${r} 0 1 1 ${n(x)},${n(y - r)}`;
  const a = 2 * Math.PI * f;
  return `M${n(x)},${n(y - r)}A${r},${r} 0 ${f > 0.5 ? 1 : 0} 1 ${n(x + r * Math.sin(a))},${n(y - r * Math.cos(a))}`;
}

const strikePath = (x: number, y: number, r: number) =>
  `M${n(x - r - 3)},${n(y + r + 3)}L${n(x + r + 3)},${n(y - r - 3)}`;

/** A Completed pod's tick. */
const checkPath = (x: number, y: number, r: number) =>
  `M${n(x - r * 0.45)},${n(y)}L${n(x - r * 0.1)},${n(y + r * 0.35)}L${n(x + r * 0.5)},${n(y - r * 0.35)}`;

const trianglePath = (x: number, y: number, r: number) =>
  `M${n(x)},${n(y - r * 0.65)}L${n(x + r * 0.58)},${n(y + r * 0.45)}L${n(x - r * 0.58)},${n(y + r * 0.45)}Z`;

/** The paths that draw `pods` of radius `r`, in a fixed order (by state, colour, part). */
export function podPaths(pods: readonly PlacedPod[], r: number): PodPath[] {
  const groups = new Map<string, PodPath>();
  const add = (p: PlacedPod, part: PodPath['part'], d: string) => {
    const key = `${p.state}/${p.colour}/${part}`;
    const g = groups.get(key);
    if (g) g.d += d;
    else groups.set(key, { key, state: p.state, colour: p.colour, part, d });
  };
  for (const p of pods) {
    if (p.state === 'creating') {
      add(p, 'track', circlePath(p.x, p.y, r));
      add(p, 'progress', arcPath(p.x, p.y, r, p.progress));
      continue;
    }
    add(p, 'body', circlePath(p.x, p.y, r));
    if (p.state === 'terminating') add(p, 'strike', strikePath(p.x, p.y, r));
    if (p.state === 'failed') add(p, 'warning', trianglePath(p.x, p.y, r));
    if (p.state === 'completed') add(p, 'check', checkPath(p.x, p.y, r));
  }
  return [...groups.values()].sort((a, b) => ORDER.indexOf(a.part) - ORDER.indexOf(b.part));
}

const ORDER: PodPath['part'][] = ['body', 'track', 'progress', 'strike', 'warning', 'check'];
