/** What a pod glyph is drawn from, and when two of them draw the same. */
import type { PodView } from '../../src/index.ts';
import type { T } from '../ui/labels.ts';

export interface PodGlyphProps {
  pod: PodView;
  x: number;
  y: number;
  r: number;
  t: T;
  showLabel: boolean;
  /** The tooltip stays between these x (the lane's pod area). */
  tipLeft: number;
  tipRight: number;
}

/** Props equal for drawing a pod (memo's comparison). */
export const samePod = (a: PodGlyphProps, b: PodGlyphProps) =>
  a.x === b.x &&
  a.y === b.y &&
  a.r === b.r &&
  a.t === b.t &&
  a.showLabel === b.showLabel &&
  a.pod.uid === b.pod.uid &&
  a.pod.state === b.pod.state &&
  a.pod.reason === b.pod.reason &&
  a.pod.endpoint === b.pod.endpoint &&
  a.pod.node === b.pod.node &&
  a.pod.colour === b.pod.colour &&
  a.pod.progress === b.pod.progress;

/** Props equal for drawing a pod glyph (memo's comparison). */
export const samePodGlyph = (a: PodGlyphProps, b: PodGlyphProps) =>
  samePod(a, b) && a.tipLeft === b.tipLeft && a.tipRight === b.tipRight;
