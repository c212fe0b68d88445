/**
 * Following a Kubernetes API (loaded on demand by `loadFollow()` in src/index.ts): the watch
 * client, the followed Run, and the scenario reconstructed from what was watched.
 */
export { followNamespace } from './client.ts';
export { createFollowRun, readOnlyMessage } from './run.ts';
export { FOLLOWED_RESOURCES, resourcePath, validNamespace } from './resources.ts';
