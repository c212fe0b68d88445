/**
 * Every parser that sees user input, on 100 kB adversarial strings: the inputs that make
 * backtracking regular expressions take quadratic or worse time (long runs of the characters two
 * quantifiers both accept, then a rejecting end). A parser that is not linear does not finish
 * within the test timeout; `regexp/no-super-linear-backtracking` (eslint.config.js) proves the
 * patterns, this checks the parsers built from them. No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';
import { defaultPullPolicy } from '../k8s/defaults.ts';
import { parseSelector } from '../k8s/selector.ts';
import { parseQuantity, parseQuantityStrict } from '../k8s/quantity.ts';
import { resolveResource } from '../k8s/resources.ts';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPercent,
} from '../k8s/validation.ts';
import { parseDuration, parseFlags, shellWords } from './parse.ts';
import { executeTemplate } from './printers/jsonpath.ts';
import { parseOutput } from './printers/output.ts';

const N = 100_000;
const run = (s: string, n = N) => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/** Attack strings: long runs the usual ambiguous quantifiers share, each with a rejecting end. */
const attacks = [
  `${run('9')}x`,
  `${run('1.')}x`,
  `${run('a')}!`,
  `${run('a-')}!`,
  `${run('a.')}-`,
  `${run('=')}\n`,
  `${run(' ')}\n`,
  `${run('a ')}=\n`,
  `${run('-')}`,
  `${run('ms')}x`,
  `${run('0e')}x`,
  `${run('a/')}@`,
  `${run('a_')}:`,
  `${run('[1:')}`,
  `${run('<=')}x`,
];

describe('parsers of user input are linear (100 kB adversarial strings)', () => {
  it.each(attacks.map((a, i) => [i, a] as const))('attack %i', (_, s) => {
    expect(parseDuration(s)).toBeUndefined();
    expect(parseQuantity(s)).toBeNaN();
    expect(typeof parseQuantityStrict(s)).toBe('string');
    expect(isValidPercent(s).length).toBeGreaterThan(0);
    expect(isQualifiedName(s).length).toBeGreaterThan(0);
    expect(isDNS1123Subdomain(s).length).toBeGreaterThan(0);
    expect(isDNS1123Label(s).length).toBeGreaterThan(0);
    expect(isValidLabelValue(s).length).toBeGreaterThan(0);
    expect(['Always', 'IfNotPresent']).toContain(defaultPullPolicy(s));
    expect(resolveResource(s)).toBeUndefined();
    expect(parseSelector(s)).toBeDefined();
    expect(() => shellWords(s)).not.toThrow(TypeError);
    expect(() => parseFlags([`--request-timeout=${s}`], [], 'kubectl')).not.toThrow(TypeError);
    expect(() => executeTemplate(`{.items[?(@.a${s})]}`, { items: [{ a: 1 }] })).not.toThrow(TypeError);
    // Refused as the template is parsed, or (a bare word, an identifier) as it runs.
    expect(() => {
      parseOutput(`jsonpath={${s}}`);
      executeTemplate(`{${s}}`, {});
    }).toThrow();
  });

  it('kubectl with a 2,000-digit --request-timeout answers with kubectl’s error', () => {
    const c = createCluster();
    const r = c.kubectl(`get pods --request-timeout=${'1'.repeat(2000)}x`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'error: invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
    );
  });

  it('an image name of 100 kB defaults its pull policy without backtracking', () => {
    expect(defaultPullPolicy(`${run('a.')}:${run('b')}`)).toBe('IfNotPresent');
    // A valid reference, but a name over 255 characters does not parse: no tag, IfNotPresent.
    expect(defaultPullPolicy(`${run('a')}/${run('b_')}b`)).toBe('IfNotPresent');
  });
});
