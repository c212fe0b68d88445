import { describe, expect, it } from 'vitest';
import { arcPath, circlePath, podPaths, type PlacedPod } from './podPaths.ts';

const pod = (x: number, state: PlacedPod['state'], over: Partial<PlacedPod> = {}): PlacedPod => ({
  x,
  y: 50,
  state,
  colour: 0,
  progress: 0,
  ...over,
});

/** The end point of an arc path's last segment. */
const end = (d: string) => d.split(' ').slice(-1)[0]!.split(',').map(Number);

describe('podPaths', () => {
  it('a circle starts at its rightmost point and comes back to it, like <circle>', () => {
    expect(circlePath(10, 20, 8)).toBe('M18,20A8,8 0 1 1 2,20A8,8 0 1 1 18,20Z');
  });

  it.each([
    [0.25, [18, 20]],
    [0.5, [10, 28]],
    [0.75, [2, 20]],
  ])('a ring %f of the way round ends clockwise from the top', (f, want) => {
    const d = arcPath(10, 20, 8, f);
    expect(d.startsWith('M10,12A8,8 0 ')).toBe(true);
    const [x, y] = end(d);
    expect(x).toBeCloseTo(want[0]!, 1);
    expect(y).toBeCloseTo(want[1]!, 1);
  });

  it('a ring shows at least 5% of its progress, and a full one closes', () => {
    const [x] = end(arcPath(0, 0, 10, 0));
    expect(x).toBeCloseTo(10 * Math.sin(2 * Math.PI * 0.05), 1);
    expect(arcPath(0, 0, 10, 1)).toBe('M0,-10A10,10 0 1 1 0,10A10,10 0 1 1 0,-10');
  });

  it('draws any number of pods with one path per state, colour and part', () => {
    const pods = [
      ...Array.from({ length: 500 }, (_, i) => pod(i * 24, 'available')),
      ...Array.from({ length: 300 }, (_, i) => pod(i * 24, 'creating', { progress: i / 300 })),
      pod(0, 'terminating'),
      pod(24, 'terminating'),
      pod(48, 'failed'),
      pod(72, 'available', { colour: 1 }),
    ];
    const paths = podPaths(pods, 8);
    expect(paths.map((p) => p.key)).toEqual([
      'available/0/body',
      'terminating/0/body',
      'failed/0/body',
      'available/1/body',
      'creating/0/track',
      'creating/0/progress',
      'terminating/0/strike',
      'failed/0/warning',
    ]);
    expect(paths[0]!.d.match(/M/g)).toHaveLength(500);
    expect(paths.find((p) => p.part === 'progress')!.d.match(/M/g)).toHaveLength(300);
  });

  it('draws nothing for no pods', () => {
    expect(podPaths([], 8)).toEqual([]);
  });
});
