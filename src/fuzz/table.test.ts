/**
 * The accept/reject table (cases.ts) through the public API: every case is accepted or refused
 * exactly as the API server and kubectl do, with kubectl's text, and a refused write changes
 * nothing in the cluster.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';
import { CASES, KUBIA, TABLE_CLUSTER } from './cases.ts';

function state(c: ReturnType<typeof createCluster>): string {
  return JSON.stringify(
    ['deployments', 'replicasets', 'pods', 'services', 'endpoints'].map((k) => c.list(k)),
  );
}

describe('the accept/reject table', () => {
  it('has at least 60 cases, with distinct names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, tc) => {
    const c = createCluster(TABLE_CLUSTER);
    c.apply(KUBIA);
    c.advance(1);
    const before = state(c);
    const r = c.kubectl(tc.run, tc.stdin);
    if (tc.error === undefined) {
      expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('Warning: '))).toEqual([]);
      expect(r.exitCode).toBe(0);
    } else {
      expect(r.stderr).toBe(tc.error);
      expect(r.exitCode).toBe(1);
      expect(state(c)).toBe(before);
    }
  });
});
