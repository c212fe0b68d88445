/**
 * English strings of features that load on demand: the lesson builder, handouts, live classes, the
 * picker's progress lines, the Compare view (the header's Compare button has the app's) and the
 * share, new-scenario, import and discard dialogs. Every
 * module that shows them imports this file, which adds them (`addStrings`); the first screen does
 * without them.
 */
import { builder } from './builder.ts';
import { classroom } from './classroom.ts';
import { compare } from './compare.ts';
import { dialogs } from './dialogs.ts';
import { handout } from './handout.ts';
import { addStrings } from './index.ts';

export const featureStrings = { ...builder, ...handout, ...classroom, ...compare, ...dialogs };

addStrings(featureStrings);
