import { describe, expect, it } from 'vitest';
import type { Container } from '../k8s/types.ts';
import { programEnd, type ProgramEnd } from './program.ts';

const c = (image: string, o: { command?: string[]; args?: string[]; stdin?: boolean } = {}) =>
  ({ name: 'c', image, ...o }) as Container & { stdin?: boolean };
const sh = (script: string) => c('busybox', { command: ['sh', '-c', script] });

describe('programEnd: when a container process ends', () => {
  it.each<[string, Container & { stdin?: boolean }, ProgramEnd | undefined]>([
    // The images' own processes: an app that serves until stopped.
    ['nginx, its own entrypoint', c('nginx'), undefined],
    ['kubia, its own entrypoint', c('luksa/kubia:v1'), undefined],
    // An entrypoint the simulator does not know, given arguments: runs on (unknown).
    ['nginx given args only', c('nginx', { args: ['date'] }), undefined],
    // A shell image without a command runs its CMD, a shell, which exits at once without stdin.
    ['busybox alone', c('busybox'), { seconds: 0, code: 0 }],
    ['alpine:3.20 alone', c('alpine:3.20'), { seconds: 0, code: 0 }],
    ['docker.io/library/ubuntu alone', c('docker.io/library/ubuntu'), { seconds: 0, code: 0 }],
    ['busybox with stdin open', c('busybox', { stdin: true }), undefined],
    // args replace a shell image's CMD (kubectl run/create deployment ... -- CMD).
    ['busybox -- date', c('busybox', { args: ['date'] }), { seconds: 0, code: 0 }],
    ['busybox -- echo hello', c('busybox', { args: ['echo', 'hello'] }), { seconds: 0, code: 0 }],
    ['busybox -- false', c('busybox', { args: ['false'] }), { seconds: 0, code: 1 }],
    ['busybox -- sleep 30', c('busybox', { args: ['sleep', '30'] }), { seconds: 30, code: 0 }],
    ['busybox -- sleep 1m 30', c('busybox', { args: ['sleep', '1m', '30'] }), { seconds: 90, code: 0 }],
    ['busybox -- sleep 0.5', c('busybox', { args: ['sleep', '0.5'] }), { seconds: 0.5, code: 0 }],
    ['busybox -- sleep 1h', c('busybox', { args: ['sleep', '1h'] }), { seconds: 3600, code: 0 }],
    ['busybox -- sleep infinity', c('busybox', { args: ['sleep', 'infinity'] }), undefined],
    ['busybox -- sleep soon (invalid)', c('busybox', { args: ['sleep', 'soon'] }), { seconds: 0, code: 1 }],
    ['busybox -- sleep (missing operand)', c('busybox', { args: ['sleep'] }), { seconds: 0, code: 1 }],
    ['busybox -- wget ... (unknown program)', c('busybox', { args: ['wget', 'kubia'] }), undefined],
    // command replaces any image's entrypoint.
    ['nginx, command date', c('nginx', { command: ['date'] }), { seconds: 0, code: 0 }],
    ['nginx, command /bin/sleep 10', c('nginx', { command: ['/bin/sleep', '10'] }), { seconds: 10, code: 0 }],
    [
      'command sh, args -c script',
      c('busybox', { command: ['/bin/sh'], args: ['-c', 'sleep 2'] }),
      { seconds: 2, code: 0 },
    ],
    ['sh running a script file', c('busybox', { command: ['sh', '/run.sh'] }), undefined],
    // sh -c scripts of known commands.
    ['sleep 5; exit 3', sh('sleep 5; exit 3'), { seconds: 5, code: 3 }],
    ['date; sleep 10', sh('date; sleep 10'), { seconds: 10, code: 0 }],
    ['sleep 2 && false', sh('sleep 2 && false'), { seconds: 2, code: 1 }],
    ['false && sleep 9', sh('false && sleep 9'), { seconds: 0, code: 1 }],
    ['false || sleep 4', sh('false || sleep 4'), { seconds: 4, code: 0 }],
    ['true || sleep 4', sh('true || sleep 4'), { seconds: 0, code: 0 }],
    ['new lines', sh('echo start\nsleep 3\necho done'), { seconds: 3, code: 0 }],
    ['exit alone keeps the last status', sh('false; exit'), { seconds: 0, code: 1 }],
    ['exit 256 wraps', sh('exit 256'), { seconds: 0, code: 0 }],
    ['quoted words', sh(`echo 'hello, world'; echo "hi there"; sleep 1`), { seconds: 1, code: 0 }],
    ['empty script', sh(''), { seconds: 0, code: 0 }],
    // What is not known runs on, as the simulated apps do.
    ['a loop', sh('while true; do date; sleep 5; done'), undefined],
    ['a pipe', sh('date | tee /tmp/x'), undefined],
    ['a redirection', sh('date > /tmp/x'), undefined],
    ['a substitution', sh('echo $(date)'), undefined],
    ['a variable in double quotes', sh('echo "$HOSTNAME"'), undefined],
    ['a background job', sh('sleep 5 &'), undefined],
    ['an unknown command', sh('sleep 1; nc -l 80'), undefined],
    ['an unbalanced quote', sh(`echo 'oops`), undefined],
    ['a dangling &&', sh('sleep 1 &&'), undefined],
  ])('%s', (_, container, expected) => {
    expect(programEnd(container)).toEqual(expected);
  });
});
