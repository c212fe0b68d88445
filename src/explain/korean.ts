/**
 * Korean particles that depend on the sound before them, chosen from the word instead of written
 * as a template ("3(으)로"). What decides is how the word's last syllable is read:
 *
 *   ends in a vowel      →  로, 가, 를, 는, 와     (리비전 2로: 이 / v2가 / 이미지 luksa/kubia:v2를)
 *   ends in ㄹ            →  로 (else like a consonant): 1로, 7로, 8로, 엘(l)로
 *   ends in a consonant  →  으로, 이, 을, 은, 과   (3으로: 삼 / 10으로: 십 / 6으로: 육)
 *
 * Numbers are read by their last digit (영 일 이 삼 사 오 육 칠 팔 구); a number ending in 0 is read
 * 십, 백, 천, 만 or 영, all ending in a consonant other than ㄹ, which is what 영 gives too. Latin
 * letters are read as Koreans name them (엘, 엠, 엔, 알 end in a consonant; the others in a vowel),
 * % is 퍼센트, and a closing parenthetical is skipped: "kubia-7d8b(리비전 2)" takes its particle
 * from "kubia-7d8b".
 */
export type Particle = '으로' | '이' | '을' | '은' | '과';

const PAIRS: Record<Particle, [afterConsonant: string, afterVowel: string]> = {
  으로: ['으로', '로'],
  이: ['이', '가'],
  을: ['을', '를'],
  은: ['은', '는'],
  과: ['과', '와'],
};

/** The final consonant (jongseong) of how `ch` is read: '' for a vowel, 'ㄹ', or 'other'. */
type Final = '' | 'ㄹ' | 'other';

const DIGITS: Final[] = ['other', 'ㄹ', '', 'other', '', '', 'other', 'ㄹ', 'ㄹ', ''];
/** Latin letters whose Korean names end in a consonant: 엘, 알 (ㄹ) and 엠, 엔. */
const LETTERS: Record<string, Final> = { l: 'ㄹ', r: 'ㄹ', m: 'other', n: 'other' };

function finalOf(ch: string): Final | undefined {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0xac00 && c <= 0xd7a3) {
    const jong = (c - 0xac00) % 28;
    return jong === 0 ? '' : jong === 8 ? 'ㄹ' : 'other';
  }
  if (ch >= '0' && ch <= '9') return DIGITS[Number(ch)];
  const lower = ch.toLowerCase();
  if (lower >= 'a' && lower <= 'z') return LETTERS[lower] ?? '';
  if (ch === '%') return '';
  return undefined;
}

/** How `word` ends when read aloud (see above); a vowel when nothing in it can be read. */
function finalOfWord(word: string): Final {
  let w = word.trimEnd();
  // "name(리비전 2)": the particle follows the name.
  const paren = /\([^()]*\)$/.exec(w);
  if (paren && paren.index > 0) w = w.slice(0, paren.index);
  for (let i = w.length - 1; i >= 0; i--) {
    const f = finalOf(w[i]!);
    if (f !== undefined) return f;
  }
  return '';
}

/** The form of `particle` that follows `word`: particle('3', '으로') is '으로', particle('2', '으로') '로'. */
export function particle(word: string | number, kind: Particle): string {
  const f = finalOfWord(String(word));
  const [consonant, vowel] = PAIRS[kind];
  if (kind === '으로') return f === 'other' ? consonant : vowel;
  return f === '' ? vowel : consonant;
}

/** `word` followed by its particle: withParticle(3, '으로') is '3으로'. */
export const withParticle = (word: string | number, kind: Particle): string =>
  `${word}${particle(word, kind)}`;
