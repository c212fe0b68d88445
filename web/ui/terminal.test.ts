import { describe, expect, it } from 'vitest';
import { printedInOrder } from './terminal.ts';

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
