/**
 * What most comparison tests set up alike: paired clusters (seed 7) for the tests of one describe
 * block, set-up lines run on both (each must print the same on both sides), virtual seconds moved
 * on, and the clusters closed after the block.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { PairedClusters, type PairedOptions } from './paired.ts';

/**
 * Call inside describe; returns the block's pair (there once its tests run). `options` adds files
 * and cluster options (`nodes`) to the start. `kubectl` may be undefined in a block skipped for
 * want of one, whose hooks never run.
 */
export function usePairedClusters(
  kubectl: string | undefined,
  setup: readonly string[] = [],
  advance = 0,
  options: Omit<PairedOptions, 'kubectl'> = {},
): () => PairedClusters {
  let pair: PairedClusters | undefined;
  beforeAll(async () => {
    if (!kubectl) throw new Error('usePairedClusters: no kubectl binary');
    pair = await PairedClusters.start({ ...options, kubectl, cluster: { seed: 7, ...options.cluster } });
    for (const line of setup) {
      const run = await pair.run(line);
      expect(run.inPage).toEqual(run.real);
    }
    if (advance) pair.advance(advance);
  });
  afterAll(async () => {
    await pair?.close();
  });
  return () => pair!;
}
