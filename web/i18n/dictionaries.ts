/**
 * Every dictionary, merged. Add an area's file here; `i18n.test.ts` fails when an English key has
 * no Korean entry.
 */
import { app } from './app.ts';
import { ui } from './ui.ts';
import { lessons } from './lessons.ts';
import { share } from './share.ts';
import { run } from './run.ts';
import { classroom } from './classroom.ts';
import { predict } from './predict.ts';
import { compare } from './compare.ts';
import { layout } from './layout.ts';
import { follow } from './follow.ts';
import { builder } from './builder.ts';
import { handout } from './handout.ts';

type Dict = Record<string, string>;
const areas: { en: Dict; ko: Dict }[] = [
  app,
  ui,
  share,
  lessons,
  run,
  predict,
  compare,
  layout,
  classroom,
  follow,
  builder,
  handout,
];

export const dictionaries: Record<'en' | 'ko', Dict> = {
  en: Object.assign({}, ...areas.map((a) => a.en)) as Dict,
  ko: Object.assign({}, ...areas.map((a) => a.ko)) as Dict,
};
