/**
 * Properties: whatever is typed, kubectl() never throws, always returns an integer exit code, and a
 * failed command leaves the store exactly as it was.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { withKubia } from './test-fixtures.ts';

const tokens = [
  'get',
  'describe',
  'create',
  'delete',
  'patch',
  'expose',
  'rollout',
  'status',
  'history',
  'undo',
  'pause',
  'resume',
  'restart',
  'set',
  'image',
  'scale',
  'label',
  'annotate',
  'apply',
  'edit',
  'version',
  'api-resources',
  'deployment',
  'deploy',
  'rs',
  'pods',
  'po',
  'svc',
  'all',
  'nodes',
  'events',
  'kubia',
  'deployment/kubia',
  'nodejs=luksa/kubia:v2',
  '*=nginx',
  '-o',
  'yaml',
  'json',
  'wide',
  'name',
  'jsonpath={.items[*].metadata.name}',
  '-l',
  'app=kubia',
  '-A',
  '-n',
  'default',
  '--replicas=2',
  '--replicas=-1',
  '--to-revision=1',
  '--to-revision=9',
  '-p',
  '{"spec":{"replicas":2}}',
  '--type=json',
  '--type=merge',
  '[{"op":"remove","path":"/x"}]',
  '--port=80',
  '--image=nginx',
  '-f',
  '-',
  'nope',
  '--foo',
  '--dry-run=client',
  '--overwrite',
  'a=b',
  'a-',
  '--watch=false',
  '-h',
  '--all',
  '--record',
  '"',
  "'",
  '=',
  '--',
  'x/y/z',
  '',
  '--grace-period=0',
  '--force',
];

const exclude = /(^|\s)(-w|--watch)(\s|$)/;

function check(line: string): void {
  const c = withKubia();
  const before = c.snapshot().store;
  const r = c.kubectl(
    line,
    'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {ports: [{port: 80}]}',
  );
  expect(Number.isInteger(r.exitCode)).toBe(true);
  expect(typeof r.stdout).toBe('string');
  // A failed command may keep what it wrote, as kubectl keeps the objects it could change when
  // others are missing (`label deploy kubia t ier=web`), but then it printed what it changed.
  if (r.exitCode !== 0 && !exclude.test(line) && r.stdout === '') expect(c.snapshot().store).toEqual(before);
}

it('random token sequences never throw, nor change the cluster unsaid when they fail', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 7 }), (words) => check(words.join(' '))),
    { numRuns: 300 },
  );
});

const valid = [
  'get deploy kubia -o yaml',
  'rollout undo deployment kubia --to-revision=1',
  'set image deployment/kubia nodejs=luksa/kubia:v2',
  'patch deploy kubia -p \'{"spec":{"replicas":4}}\'',
  'scale deploy kubia --replicas=5',
  'expose deployment kubia --port=80 --target-port=8080',
  'delete rs -l app=kubia',
  'label deploy kubia tier=web',
];

it('random mutations of valid commands never throw, nor change the cluster unsaid when they fail', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...valid),
      fc.nat(),
      fc.string({ maxLength: 4 }),
      fc.constantFrom('insert', 'delete', 'replace'),
      (line, at, text, how) => {
        const i = at % (line.length + 1);
        const mutated =
          how === 'insert'
            ? line.slice(0, i) + text + line.slice(i)
            : how === 'delete'
              ? line.slice(0, i) + line.slice(i + text.length + 1)
              : line.slice(0, i) + text + line.slice(i + text.length);
        check(mutated);
      },
    ),
    { numRuns: 300 },
  );
});
