/**
 * What most comparison tests set up alike: paired clusters (seed 7) for the tests of one describe
 * block, set-up lines run on both (each must print the same on both sides), virtual seconds moved
 * on, and the clusters closed after the block.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { PairedClusters } from './paired.ts';

/** Call inside describe; returns the block's pair (there once its tests run). */
export function usePairedClusters(
  kubectl: string,
  setup: readonly string[] = [],
  advance = 0,
): () => PairedClusters {
  let pair: PairedClusters | undefined;
  beforeAll(async () => {
    pair = await PairedClusters.start({ kubectl, cluster: { seed: 7 } });
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
