/**
 * The English strings the first screen needs, merged. Those of features that load on demand are
 * added by `features.ts` when the feature loads; Korean is in `ko/` with the same file per area and
 * loads when it is first chosen (`loadLanguage`). Add an area's file in both places; `i18n.test.ts`
 * fails when an English key has no Korean entry.
 */
import { app } from './app.ts';
import { ui } from './ui.ts';
import { lessons } from './lessons.ts';
import { share } from './share.ts';
import { run } from './run.ts';
import { predict } from './predict.ts';
import { layout } from './layout.ts';
import { follow } from './follow.ts';

export type Dict = Record<string, string>;

export const english: Dict = Object.assign({}, app, ui, share, lessons, run, predict, layout, follow);
