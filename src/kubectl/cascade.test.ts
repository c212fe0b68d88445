/**
 * `kubectl delete --cascade` (GetCascadingStrategy, the garbage collector's orphan finalizer),
 * without a kubectl binary: cascade-compare.test.ts holds the same beside the real kubectl.
 */
import { describe, expect, it } from 'vitest';
import { withKubia } from './test-fixtures.ts';

/** The kinds of each object's owners, one line each (`<none>` for an orphan). */
const owners = (c: ReturnType<typeof withKubia>, kind: string) =>
  c.kubectl(`get ${kind} -o custom-columns=OWNER:.metadata.ownerReferences[*].kind --no-headers`).stdout;

describe('delete --cascade', () => {
  it('orphan: the Deployment goes, its ReplicaSet and pods stay, and a new Deployment adopts them', () => {
    const c = withKubia();
    c.advance(30);
    const rs = c.kubectl('get rs -o name').stdout;
    expect(c.kubectl('delete deployment kubia --cascade=orphan').stdout).toBe(
      'deployment.apps "kubia" deleted\n',
    );
    c.advance(30);
    expect(c.kubectl('get deployments').stderr).toBe('No resources found in default namespace.\n');
    expect(owners(c, 'rs')).toBe('<none>\n');
    expect(owners(c, 'pods')).toBe('ReplicaSet\n'.repeat(3));
    const pods = c.kubectl('get pods -o name').stdout;
    expect(c.kubectl('create -f kubia-deployment-v1.yaml').exitCode).toBe(0);
    c.advance(30);
    // Adopted: the same ReplicaSet, owned again; no pod replaced.
    expect(c.kubectl('get rs -o name').stdout).toBe(rs);
    expect(owners(c, 'rs')).toBe('Deployment\n');
    expect(c.kubectl('get pods -o name').stdout).toBe(pods);
  });

  it.each<[string, string, string]>([
    [
      'false',
      'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
      '<none>\n',
    ],
    [
      'true',
      'warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n',
      '',
    ],
    ['background', '', ''],
  ])('--cascade=%s warns %j and leaves the ReplicaSet owned by %j', (value, warning, left) => {
    const c = withKubia();
    c.advance(30);
    const r = c.kubectl(`delete deployment kubia --cascade=${value}`);
    expect([r.stderr, r.exitCode]).toEqual([warning, 0]);
    c.advance(60);
    expect(owners(c, 'rs')).toBe(left);
  });

  it('foreground is refused for an owner with dependents, and works for a pod', () => {
    const c = withKubia();
    c.advance(30);
    const r = c.kubectl('delete deployment kubia --cascade=foreground');
    expect([r.stderr, r.exitCode]).toEqual([
      'Error from server (BadRequest): foreground cascading deletion is not simulated in Rollout Lab: dependents are deleted in the background, or orphaned\n',
      1,
    ]);
    expect(c.kubectl('get deployment kubia -o name').stdout).toBe('deployment.apps/kubia\n');
    expect(c.kubectl('delete pods -l app=kubia --cascade=foreground --wait=false').exitCode).toBe(0);
    expect(c.kubectl('delete deployment kubia --cascade=sideways').stderr).toBe(
      'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n',
    );
  });
});
