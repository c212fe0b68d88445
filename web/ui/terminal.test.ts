import { describe, expect, it } from 'vitest';
import { printedChunksInOrder, printedInOrder } from './terminal.ts';

const DEPRECATED = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';
const TABLE = 'NAME    ENDPOINTS   AGE\nkubia   10.244.1.2:8080   4s\n';

// Each case as the real kubectl prints it to a terminal (stdout and stderr together).
describe('printedInOrder', () => {
  it.each([
    ['only stdout', TABLE, '', [[TABLE, false]]],
    [
      'only stderr',
      '',
      'error: unknown command "foo" for "kubectl"\n',
      [['error: unknown command "foo" for "kubectl"\n', true]],
    ],
    [
      'a warning before the table (get endpoints)',
      TABLE,
      DEPRECATED,
      [
        [DEPRECATED, true],
        [TABLE, false],
      ],
    ],
    [
      'an error after the table (get pods nope kubia-1)',
      'NAME      READY\nkubia-1   1/1\n',
      'Error from server (NotFound): pods "nope" not found\n',
      [
        ['NAME      READY\nkubia-1   1/1\n', false],
        ['Error from server (NotFound): pods "nope" not found\n', true],
      ],
    ],
    [
      'warnings first, errors last',
      'pod/kubia-1\n',
      `${DEPRECATED}Warning: second\nError from server (NotFound): pods "a" not found\n`,
      [
        [`${DEPRECATED}Warning: second\n`, true],
        ['pod/kubia-1\n', false],
        ['Error from server (NotFound): pods "a" not found\n', true],
      ],
    ],
    ['a warning without a newline at the end', '', 'Warning: last', [['Warning: last', true]]],
    [
      'a warning that is not at the start stays after stdout',
      'x\n',
      'error: a\nWarning: b\n',
      [
        ['x\n', false],
        ['error: a\nWarning: b\n', true],
      ],
    ],
  ])('%s', (_, stdout, stderr, want) => {
    expect(printedInOrder(stdout, stderr).map((p) => [p.text, p.stderr])).toEqual(want);
  });
});

const RETRY =
  'error when evicting pods/"kubia-2" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.\n';

// A command that goes on prints in chunks as time passes: a terminal shows them as they came.
describe('printedChunksInOrder', () => {
  it.each([
    ['no chunk', [], []],
    [
      'one chunk, as printedInOrder',
      [{ stdout: TABLE, stderr: DEPRECATED }],
      [
        [DEPRECATED, true],
        [TABLE, false],
      ],
    ],
    [
      'a drain that retries: the refusal between the evictions, not after "drained"',
      [
        { stdout: 'node/node-2 cordoned\nevicting pod default/kubia-1\nevicting pod default/kubia-2\n' },
        { stderr: RETRY },
        { stdout: 'evicting pod default/kubia-2\n' },
        { stdout: 'pod/kubia-1 evicted\n' },
        { stdout: 'pod/kubia-2 evicted\nnode/node-2 drained\n' },
      ],
      [
        ['node/node-2 cordoned\nevicting pod default/kubia-1\nevicting pod default/kubia-2\n', false],
        [RETRY, true],
        [
          'evicting pod default/kubia-2\npod/kubia-1 evicted\npod/kubia-2 evicted\nnode/node-2 drained\n',
          false,
        ],
      ],
    ],
    [
      'errors of two chunks in a row read as one',
      [{ stdout: 'a\n', stderr: 'error: x\n' }, { stderr: 'error: y\n' }],
      [
        ['a\n', false],
        ['error: x\nerror: y\n', true],
      ],
    ],
  ])('%s', (_, chunks, want) => {
    expect(printedChunksInOrder(chunks).map((p) => [p.text, p.stderr])).toEqual(want);
  });
});
