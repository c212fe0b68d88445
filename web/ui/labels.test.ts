import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, translate, type Lang } from '../i18n/index.ts';
import type { PodView } from '../../src/index.ts';
import { podLabel } from './labels.ts';

const pod = (state: PodView['state'], reason: string, endpoint = false) =>
  ({ name: 'p', version: 'v1', state, reason, endpoint }) as PodView;

describe('podLabel: the reason only when it says more than the state', () => {
  beforeAll(() => loadLanguage('ko'));
  it.each<[Lang, PodView, string]>([
    ['en', pod('completed', 'Completed'), 'Pod p, version v1, Completed'],
    ['ko', pod('completed', 'Completed'), '파드 p, 버전 v1, Completed(완료)'],
    ['ko', pod('terminating', 'Terminating'), '파드 p, 버전 v1, Terminating(종료 중)'],
    ['ko', pod('creating', 'ContainerCreating'), '파드 p, 버전 v1, ContainerCreating(컨테이너 생성 중)'],
    ['en', pod('failed', 'ErrImageNeverPull'), 'Pod p, version v1, Failed (ErrImageNeverPull)'],
    ['ko', pod('failed', 'CrashLoopBackOff'), '파드 p, 버전 v1, 실패 (CrashLoopBackOff)'],
    ['en', pod('available', 'Running', true), 'Pod p, version v1, Ready, receiving traffic'],
  ])('%s: %o', (lang, p, want) => {
    expect(podLabel((key, vars) => translate(lang, key, vars), p)).toBe(want);
  });
});
