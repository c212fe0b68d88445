/** Every kubectl command the simulator knows, in `kubectl --help` order. */
import type { Command } from '../command.ts';
import { annotateCommand, labelCommand } from './annotate.ts';
import { applyCommand } from './apply.ts';
import { createCommand, exposeCommand } from './create.ts';
import { deleteCommand } from './delete.ts';
import { describeCommand } from './describe.ts';
import { getCommand } from './get.ts';
import { apiResourcesCommand, editCommand, versionCommand } from './misc.ts';
import { patchCommand } from './patch.ts';
import { rolloutCommand } from './rollout.ts';
import { scaleCommand } from './scale.ts';
import { setCommand } from './set.ts';

export const commands: Command[] = [
  createCommand,
  exposeCommand,
  setCommand,
  getCommand,
  editCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  describeCommand,
  applyCommand,
  patchCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  versionCommand,
];
