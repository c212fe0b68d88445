/** Registers the commands a learner types but no button runs. Import it once, for its effect. */
import { createCommand, exposeCommand } from './create.ts';
import { describeCommand } from './describe.ts';
import { getCommand } from './get.ts';
import { apiResourcesCommand, editCommand, versionCommand } from './misc.ts';
import { registerCommands } from './registry.ts';

registerCommands(
  createCommand,
  exposeCommand,
  getCommand,
  editCommand,
  describeCommand,
  apiResourcesCommand,
  versionCommand,
);
