/** Every kubectl command the simulator knows, in `kubectl --help` order. */
import type { Command } from '../command.ts';
import { annotateCommand, labelCommand } from './annotate.ts';
import { applyCommand } from './apply.ts';
import { rolloutCommand } from './rollout.ts';
import { scaleCommand } from './scale.ts';
import { setCommand } from './set.ts';

export const commands: Command[] = [
  applyCommand,
  setCommand,
  rolloutCommand,
  scaleCommand,
  annotateCommand,
  labelCommand,
];
