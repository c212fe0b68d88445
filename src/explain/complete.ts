/**
 * `explain` with every language's templates in, for code outside the page (the command-line
 * simulator, tests, tools built on src/index.ts): the page loads Korean on demand and uses
 * `explainLoaded`.
 */
import type { Decision } from '../cluster/context.ts';
import { explainWith } from './index.ts';
import { ko } from './ko.ts';
import type { ExplainLang } from './phrases.ts';

/** One decision as a sentence in `lang` (see `explainWith`). */
export const explain = (decision: Decision, lang: ExplainLang): string => explainWith(decision, lang, ko);
