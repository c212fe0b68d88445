/**
 * kubectl set env's parsing and merging, with the cases of upstream's helper_test.go
 * (Test_updateEnv) and env_parse_test.go (the Example functions).
 */
import { describe, expect, it } from 'vitest';
import { parseEnv, splitEnvironment, updateEnv } from './commands/set-env.ts';
import { selectString } from './commands/set-common.ts';

const env1 = { name: 'env1', value: 'env1' };
const env2 = { name: 'env2', value: 'env2' };
const env3 = { name: 'env3', value: 'env3' };

describe('updateEnv (helper_test.go)', () => {
  it.each([
    ['add a new and remove another one', [env1], [env2], ['env1'], [env2]],
    [
      'in a collection of multiple env, add a new and remove another one',
      [env1, env2],
      [env3],
      ['env1'],
      [env2, env3],
    ],
    ['items added are deduplicated', [env1], [env2, env2], ['env1'], [env2]],
    ['multi add and single remove', [env1], [env2, env2, env2, env3], ['env1'], [env2, env3]],
    ['add and remove the same env', [env1], [env2, env1], ['env1', 'env1'], [env2]],
    ['existing duplicate unmodified by unrelated addition', [env1, env1], [env2], [], [env1, env1, env2]],
    ['existing duplicate removed when added yet again', [env1, env1, env2], [env1], [], [env1, env2]],
  ])('%s', (_name, existing, add, remove, want) => {
    expect(updateEnv(existing, add, remove)).toEqual(want);
  });
});

describe('splitEnvironment (SplitEnvironmentFromResources)', () => {
  it.each([
    [
      ['resource', 'ENV\\=ARG', 'ONE\\=MORE', 'DASH-'],
      { resources: ['resource'], env: ['ENV\\=ARG', 'ONE\\=MORE', 'DASH-'] },
    ],
    [['deploy/kubia', 'A=b'], { resources: ['deploy/kubia'], env: ['A=b'] }],
    [['deploy', 'kubia', 'A-'], { resources: ['deploy', 'kubia'], env: ['A-'] }],
    // `=x` is not an environment argument: nothing before the `=`.
    [['deploy/kubia', '=x'], { resources: ['deploy/kubia', '=x'], env: [] }],
    // A resource after a change.
    [['deploy/kubia', 'A=b', 'more'], undefined],
  ])('%j', (args, want) => {
    expect(splitEnvironment(args)).toEqual(want);
  });
});

describe('parseEnv (env_parse_test.go)', () => {
  it('reads pairs, removals and stdin', () => {
    expect(
      parseEnv(['ENV=VARIABLE', 'ENV.TEST=VARIABLE', 'AND=ANOTHER', 'REMOVE-', '-'], 'FROM=READER'),
    ).toEqual({
      env: [
        { name: 'ENV', value: 'VARIABLE' },
        { name: 'ENV.TEST', value: 'VARIABLE' },
        { name: 'AND', value: 'ANOTHER' },
        { name: 'FROM', value: 'READER' },
      ],
      remove: ['REMOVE'],
    });
  });
  it.each([
    [
      'This not in the key=value format.',
      `"This not in the key" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
    ],
    ['.=VARIABLE', `"." is not a valid key name: must not be '.'`],
    ['..=VARIABLE', `".." is not a valid key name: must not be '..'`],
    ['..ENV=VARIABLE', `"..ENV" is not a valid key name: must not start with '..'`],
  ])('refuses %j', (spec, message) => {
    expect(() => parseEnv([spec], undefined)).toThrow(message);
  });
  it('refuses to set and remove one variable', () => {
    expect(() => parseEnv(['A=b', 'A-'], undefined)).toThrow(
      'can not both modify and remove the same environment variable in the same command',
    );
  });
});

describe('selectString (helper.go)', () => {
  it.each([
    ['nodejs', '*', true],
    ['nodejs', 'nodejs', true],
    ['nodejs', 'node', false],
    ['nodejs', 'node*', true],
    ['nodejs', '*js', true],
    ['nodejs', 'n*s', true],
    ['nodejs', '*x', false],
    ['nodejs', 'x*', false],
  ])('%s against %s', (s, spec, want) => {
    expect(selectString(s, spec)).toBe(want);
  });
});
