/**
 * English counts in decision messages: "1 pod", "3 pods", "1 is", "2 are". The plural rule comes
 * from Intl.PluralRules (the same the UI uses), not from `n === 1`.
 */
const rules = new Intl.PluralRules('en');

const one = (n: number): boolean => rules.select(n) === 'one';

/** `n` and the noun in the form its number takes: count(1, 'pod') is "1 pod". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${one(n) ? singular : plural}`;
}

/** The verb "to be" agreeing with `n`. */
export const isAre = (n: number): string => (one(n) ? 'is' : 'are');
