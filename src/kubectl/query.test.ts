/**
 * Which console lines only look (and so never become a scenario's step): read-only commands,
 * help, dry runs, and lines kubectl refuses before reaching the cluster, typos included.
 */
import { describe, expect, it } from 'vitest';
import { isReadOnlyCommand } from './query.ts';
import './commands/extended.ts';

describe('isReadOnlyCommand', () => {
  it.each([
    ['kubectl get pods', true],
    ['kubectl rollout status deployment/kubia', true],
    ['kubectl rollout history deployment kubia --revision=2', true],
    ['kubectl rollout', true],
    ['kubectl rollout undoo deployment/kubia', true],
    ['kubectl set', true],
    ['kubectl set imag deployment/kubia nodejs=luksa/kubia:v2', true],
    ['kubectl foo', true],
    ['kubectl get pods --bogus', true],
    ['kubectl scale deployment kubia --replicas=abc', true],
    ['kubectl rollout undo deployment/kubia --dry-run=client', true],
    ['kubectl rollout -h', true],
    ['kubectl rollout undo deployment/kubia', false],
    ['kubectl set image deployment/kubia nodejs=luksa/kubia:v2', false],
    ['kubectl scale deployment kubia --replicas=5', false],
    ['kubectl create -f kubia.yaml', false],
    ['kubectl set env deployment/kubia --list', true],
    ['kubectl set env --local -f kubia.yaml A=b -o yaml', true],
    ['kubectl set env deployment/kubia A=b', false],
    ['kubectl top pods', true],
    ['kubectl top node', true],
    ['kubectl top', true],
    ['kubectl options', true],
  ])('%s → %s', (line, readOnly) => {
    expect(isReadOnlyCommand(line)).toBe(readOnly);
  });
});
