/** The Korean strings, merged (loaded with `import()` by `loadLanguage('ko')`). */
import type { Dict } from '../dictionaries.ts';
import { app } from './app.ts';
import { ui } from './ui.ts';
import { lessons } from './lessons.ts';
import { share } from './share.ts';
import { dialogs } from './dialogs.ts';
import { run } from './run.ts';
import { classroom } from './classroom.ts';
import { predict } from './predict.ts';
import { compare } from './compare.ts';
import { layout } from './layout.ts';
import { follow } from './follow.ts';
import { builder } from './builder.ts';
import { handout } from './handout.ts';

export const korean: Dict = Object.assign(
  {},
  app,
  ui,
  share,
  dialogs,
  lessons,
  run,
  predict,
  compare,
  layout,
  classroom,
  follow,
  builder,
  handout,
);
