/**
 * English strings of features that load on demand: the lesson builder, handouts, live classes and
 * the picker's progress lines. Every module that shows them imports this file, which adds them
 * (`addStrings`); the first screen does without them.
 */
import { builder } from './builder.ts';
import { classroom } from './classroom.ts';
import { handout } from './handout.ts';
import { addStrings } from './index.ts';

export const featureStrings = { ...builder, ...handout, ...classroom };

addStrings(featureStrings);
