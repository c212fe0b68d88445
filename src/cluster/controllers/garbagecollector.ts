/**
 * The garbage collector (upstream pkg/controller/garbagecollector), in its background cascade:
 * when an owner is deleted, the objects it controls are deleted too, and theirs in turn (a
 * deleted ReplicaSet wakes the collector again).
 */
import type { ControllerContext, InformerHandlers } from '../context.ts';

/**
 * The kinds whose objects have owners here (ReplicaSets, their pods, a Service's slices): what the
 * collector deletes after their owner, and an orphaning delete leaves without it (api.ts).
 */
export const DEPENDENT_KINDS = ['ReplicaSet', 'Pod', 'EndpointSlice'];

const ownerDeleted: InformerHandlers[string] = (c, _key, ctx) => {
  if (c.type === 'deleted') ctx.enqueue('gc', c.obj.metadata.uid ?? '');
};

/** The collector's queue holds the uids of deleted owners. */
export const garbageCollectorInformers: InformerHandlers = {
  Deployment: ownerDeleted,
  ReplicaSet: ownerDeleted,
};

/** Deletes the dependents of the deleted owner `uid`. */
export function collectGarbage(ctx: ControllerContext, uid: string): void {
  if (!uid) return;
  for (const kind of DEPENDENT_KINDS) {
    for (const o of ctx.store.listControlledBy(uid, kind))
      ctx.delete(kind, o.metadata.namespace, o.metadata.name);
  }
}
