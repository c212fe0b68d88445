// Every test can read YAML, run every command and explain, as Node users of src/index.ts can.
import '../eager.ts';
import fc from 'fast-check';

// Property tests explore new random cases on every local run, and print the seed of any failure.
// CI gates what lands, so there they replay one fixed exploration (FC_SEED picks another): a
// property that fails is reproduced and fixed, not retried until it passes.
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261203' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
