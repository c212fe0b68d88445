/**
 * A claim that does not hold, in the reader's language: `describeFailure`'s line
 * (`expect.pods.v2: claims 5, the screen shows 3`) with its words translated. The path stays as
 * written (it is the field the teacher typed), and so do a claim's own values (`3`, `absent`,
 * `app=kubia`); only the words the check itself puts in (src/run/claims.ts) are translated.
 */
import type { ClaimResult } from '../../src/index.ts';
import type { Vars } from '../i18n/index.ts';

type Translate = (key: string, vars?: Vars) => string;

/** The check's own words (what it shows or expects in place of a value), by their key. */
const WORDS: [RegExp, string][] = [
  [/^absent$/, 'absent'],
  [/^none$/, 'none'],
  [/^none \((.+)\)$/, 'noneOf'],
  [/^several: (.+)$/, 'several'],
  [/^a Service$/, 'aService'],
  [/^a Deployment$/, 'aDeployment'],
  [/^a RollingUpdate budget$/, 'aBudget'],
  [/^history up to (.+)$/, 'historyTo'],
  [/^recorded up to (.+)$/, 'recordedTo'],
  [/^none refused$/, 'noneRefused'],
  [/^(.+) s with all$/, 'secondsWithAll'],
  [/^never at once$/, 'neverTogether'],
  [/^the step runs$/, 'stepRuns'],
  [/^it never ran$/, 'neverRan'],
];

function word(text: string, t: Translate): string {
  for (const [re, key] of WORDS) {
    const m = re.exec(text);
    if (m) return t(`builder.claim.${key}`, { x: m[1] ?? '' });
  }
  return text;
}

export function claimFailureText(r: ClaimResult, t: Translate): string {
  return t('builder.claimFails', {
    path: r.path,
    // `absent` as the expected value is the claim as the teacher wrote it.
    expected: r.expected === 'absent' ? r.expected : word(r.expected, t),
    actual: word(r.actual, t),
  });
}
