import { beforeAll, describe, expect, it } from 'vitest';
import { describeFailure, type ClaimResult } from '../../src/index.ts';
import '../i18n/features.ts';
import { loadLanguage, translate, type Lang } from '../i18n/index.ts';
import { claimFailureText } from './claimText.ts';

beforeAll(() => loadLanguage('ko'));

const failed = (path: string, expected: string, actual: string): ClaimResult => ({
  path,
  expected,
  actual,
  ok: false,
});
const text = (lang: Lang, r: ClaimResult) => claimFailureText(r, (k, v) => translate(lang, k, v));

describe('a claim that does not hold, as the builder says it', () => {
  it.each([
    failed('expect.pods.v2', '5', '3'),
    failed('expect.replicaSets.v3', '2', 'absent'),
    failed('expect.revisions.v2', '2', 'several: 2, 4'),
    failed('expect.services.kubia', 'a Service', 'absent'),
    failed('expect.deployments.kubia.budget', 'a RollingUpdate budget', 'none (Recreate)'),
    failed('expect.timeline', 'history up to 90', 'recorded up to 60'),
    failed('expect.timeline.together', 'v1 + v2', 'never at once'),
    failed('spec.steps[3]', 'the step runs', 'it never ran'),
  ])('in English, word for word the check’s own line: %j', (r) => {
    expect(text('en', r)).toBe(describeFailure(r));
  });

  it.each([
    [failed('expect.pods.v2', '5', '3'), 'expect.pods.v2: 주장은 5, 화면에는 3'],
    [failed('expect.replicaSets.v3', '2', 'absent'), 'expect.replicaSets.v3: 주장은 2, 화면에는 없음'],
    // "absent" claimed is the claim as written; shown, it is the screen's word.
    [failed('expect.replicaSets.v1', 'absent', '3'), 'expect.replicaSets.v1: 주장은 absent, 화면에는 3'],
    [
      failed('expect.revisions.v2', '2', 'several: 2, 4'),
      'expect.revisions.v2: 주장은 2, 화면에는 여러 개: 2, 4',
    ],
    [
      failed('expect.services.kubia', 'a Service', 'absent'),
      'expect.services.kubia: 주장은 Service가 있음, 화면에는 없음',
    ],
    [
      failed('expect.deployments.kubia.budget', 'a RollingUpdate budget', 'none (Recreate)'),
      'expect.deployments.kubia.budget: 주장은 RollingUpdate 예산이 있음, 화면에는 없음 (Recreate)',
    ],
    [
      failed('expect.timeline', 'history up to 90', 'recorded up to 60'),
      'expect.timeline: 주장은 90초까지의 기록, 화면에는 60초까지만 기록됨',
    ],
    [
      failed('expect.timeline.firstRefused', '12', 'none refused'),
      'expect.timeline.firstRefused: 주장은 12, 화면에는 거부된 요청 없음',
    ],
    [
      failed('expect.timeline.together', 'v1 + v2', 'never at once'),
      'expect.timeline.together: 주장은 v1 + v2, 화면에는 동시에 응답한 적 없음',
    ],
    [
      failed('spec.steps[3]', 'the step runs', 'it never ran'),
      'spec.steps[3]: 주장은 단계가 실행됨, 화면에는 실행되지 않음',
    ],
  ])('in Korean: %j', (r, want) => {
    expect(text('ko', r)).toBe(want);
  });
});
