// The fuzz suite's worker thread: TypeScript through tsx, then the harness (fuzz-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./fuzz-worker.ts');
