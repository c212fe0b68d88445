/**
 * Port of kubernetes/kubernetes pkg/controller/deployment/util/deployment_util.go: the arithmetic
 * every Deployment sync is built from. Function names follow upstream (camelCase); the worked
 * examples in the comments are rows of util.test.ts.
 */
import { canonicalJSON } from '../../../k8s/hash.ts';
import { getScaledValueFromIntOrPercent } from '../../../k8s/intstr.ts';
import { parseTimestamp, timestamp } from '../../../k8s/time.ts';
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  IntOrString,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
} from '../../../k8s/types.ts';

export const RevisionAnnotation = 'deployment.kubernetes.io/revision';
export const RevisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
export const DesiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const MaxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
export const RollbackToAnnotation = 'deprecated.deployment.rollback.to';
export const LastAppliedConfigAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';
export const ChangeCauseAnnotation = 'kubernetes.io/change-cause';
export const DefaultDeploymentUniqueLabelKey = 'pod-template-hash';
/** Upstream caps the revision-history annotation at 2000 characters. */
export const MaxRevHistoryLengthInChars = 2000;
/** math.MaxInt32 means "no deadline" / "no history limit" for the legacy API defaults. */
export const MaxInt32 = 2147483647;

// Condition reasons (deployment_util.go).
export const ReplicaSetUpdatedReason = 'ReplicaSetUpdated';
export const FailedRSCreateReason = 'ReplicaSetCreateError';
export const NewRSNewReason = 'NewReplicaSetCreated';
export const FoundNewRSReason = 'FoundNewReplicaSet';
export const NewRSAvailableReason = 'NewReplicaSetAvailable';
export const TimedOutReason = 'ProgressDeadlineExceeded';
export const PausedDeployReason = 'DeploymentPaused';
export const ResumedDeployReason = 'DeploymentResumed';
export const MinimumReplicasAvailable = 'MinimumReplicasAvailable';
export const MinimumReplicasUnavailable = 'MinimumReplicasUnavailable';

const annotationsToSkip = new Set([
  LastAppliedConfigAnnotation,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  DesiredReplicasAnnotation,
  MaxReplicasAnnotation,
  RollbackToAnnotation,
]);

/** The annotations the controller never copies from a Deployment to its ReplicaSets. */
export function skipCopyAnnotation(key: string): boolean {
  return annotationsToSkip.has(key);
}

export const specReplicas = (o: { spec: { replicas?: number } }): number => o.spec.replicas ?? 0;

// ---------------------------------------------------------------------------------------------
// Fenceposts

/**
 * ResolveFenceposts: maxSurge rounds UP, maxUnavailable rounds DOWN, and if both come out 0,
 * unavailable becomes 1 so the rollout can always move.
 *
 *   25%/25% of 10 → 3/2;  of 1 → 1/0;  0%/1% of 2 → 0/0 → 0/1;  39%/39% of 10 → 4/3
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined | null,
  maxUnavailable: IntOrString | undefined | null,
  desired: number,
): [surge: number, unavailable: number] {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function isRollingUpdate(d: Deployment): boolean {
  return d.spec.strategy?.type === 'RollingUpdate';
}

/** MaxSurge: the resolved surge of a RollingUpdate deployment (0 for Recreate). */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, specReplicas(d))[0];
}

/** MaxUnavailable: min(resolved unavailable, replicas); 0 for Recreate or 0 replicas. */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || specReplicas(d) === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const unavailable = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, specReplicas(d))[1];
  return Math.min(unavailable, specReplicas(d));
}

/** MinAvailable = replicas − MaxUnavailable; 0 for a non-RollingUpdate deployment (upstream). */
export function minAvailable(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return specReplicas(d) - maxUnavailable(d);
}

// ---------------------------------------------------------------------------------------------
// Counting

export function getReplicaCountForReplicaSets(rss: (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += specReplicas(rs);
  return n;
}

export function getActualReplicaCountForReplicaSets(rss: (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.replicas ?? 0;
  return n;
}

export function getReadyReplicaCountForReplicaSets(rss: (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.readyReplicas ?? 0;
  return n;
}

export function getAvailableReplicaCountForReplicaSets(rss: (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.availableReplicas ?? 0;
  return n;
}

/** FilterActiveReplicaSets: ReplicaSets with spec.replicas > 0. */
export function filterActiveReplicaSets(rss: (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && specReplicas(rs) > 0);
}

// ---------------------------------------------------------------------------------------------
// New replicas

/**
 * NewRSNewReplicas: how large the new ReplicaSet may be now. Depends only on specs, never on
 * readiness. maxSurge is converted on its own here (no "both zero" rule).
 *
 *   10 replicas, 25% surge (3), all RSes total 10, new 0 → min(13−10, 10−0) = 3
 *   10 replicas, total 13 → stays
 */
export function newRSNewReplicas(
  d: Deployment,
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet,
): number {
  const replicas = specReplicas(d);
  if (d.spec.strategy?.type === 'Recreate') return replicas;
  if (!isRollingUpdate(d)) throw new Error(`deployment type ${d.spec.strategy?.type} isn't supported`);
  const surge = getScaledValueFromIntOrPercent(d.spec.strategy?.rollingUpdate?.maxSurge ?? 0, replicas, true);
  const current = getReplicaCountForReplicaSets(allRSs);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, replicas - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}

/** IsSaturated: the new RS has exactly `replicas`, its desired annotation agrees, all available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = intAnnotation(rs, DesiredReplicasAnnotation);
  if (desired === undefined) return false;
  const replicas = specReplicas(d);
  return (
    specReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas
  );
}

function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined || !/^-?[0-9]+$/.test(v)) return undefined;
  const n = Number(v);
  return n < -2147483648 || n > MaxInt32 ? undefined : n;
}

export function getDesiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, DesiredReplicasAnnotation);
}

/** The max-replicas annotation; negative values are ignored like a missing one. */
export function getMaxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  const v = intAnnotation(rs, MaxReplicasAnnotation);
  return v === undefined || v < 0 ? undefined : v;
}

/** Go's math.Round: half away from zero. */
export function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * getReplicaSetFraction: how many replicas this RS gains (or loses) when the deployment's
 * replicas + maxSurge changes from the RS's max-replicas annotation to its new value.
 *
 *   RS 3 of max 5, deployment now 10 (+0 surge): round(3·10/5) − 3 = +3
 */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentMaxReplicas = specReplicas(d) + maxSurge(d);
  let before = getMaxReplicasAnnotation(rs);
  if (before === undefined || before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  const newRSsize = (specReplicas(rs) * deploymentMaxReplicas) / before;
  return roundHalfAwayFromZero(newRSsize) - specReplicas(rs);
}

/**
 * GetProportion: the share of `toAdd` this RS takes, never more than what is left to add (or
 * remove) after `added`.
 */
export function getProportion(
  rs: ReplicaSet | undefined,
  d: Deployment,
  toAdd: number,
  added: number,
): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

// ---------------------------------------------------------------------------------------------
// Annotations and revisions

/** Revision: the revision annotation as an integer; missing → 0; unparsable → undefined. */
export function revision(obj: { metadata: { annotations?: Record<string, string> } }): number | undefined {
  const v = obj.metadata.annotations?.[RevisionAnnotation];
  if (v === undefined) return 0;
  if (!/^-?[0-9]+$/.test(v)) return undefined;
  return Number(v);
}

export function maxRevision(rss: ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revision(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/** LastRevision: the second-highest revision (what `rollout undo` without a revision goes to). */
export function lastRevision(rss: ReplicaSet[]): number {
  let max = 0;
  let secMax = 0;
  for (const rs of rss) {
    const v = revision(rs);
    if (v === undefined) continue;
    if (v >= max) {
      secMax = max;
      max = v;
    } else if (v > secMax) {
      secMax = v;
    }
  }
  return secMax;
}

export function setReplicasAnnotations(
  annotations: Record<string, string>,
  desired: number,
  max: number,
): boolean {
  let updated = false;
  if (annotations[DesiredReplicasAnnotation] !== String(desired)) {
    annotations[DesiredReplicasAnnotation] = String(desired);
    updated = true;
  }
  if (annotations[MaxReplicasAnnotation] !== String(max)) {
    annotations[MaxReplicasAnnotation] = String(max);
    updated = true;
  }
  return updated;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  if (!a) return true;
  return a[DesiredReplicasAnnotation] !== String(desired) || a[MaxReplicasAnnotation] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations (minus the skip list), raise the
 * revision to `newRevision` when it is higher (recording the old one in revision-history: that is
 * what a rollback looks like), and for a brand-new RS add desired/max replicas. Mutates
 * `annotations` (a fresh copy owned by the caller) and says whether anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  annotations: Record<string, string>,
  newRevision: number,
  exists: boolean,
  revHistoryLimitInChars = MaxRevHistoryLengthInChars,
): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[RevisionAnnotation];
  let oldRevisionInt = 0;
  if (oldRevision !== undefined && oldRevision !== '') {
    if (!/^-?[0-9]+$/.test(oldRevision)) return false;
    oldRevisionInt = Number(oldRevision);
  }
  if (oldRevisionInt < newRevision) {
    annotations[RevisionAnnotation] = String(newRevision);
    changed = true;
  }
  if (oldRevision !== undefined && oldRevisionInt < newRevision) {
    const history = annotations[RevisionHistoryAnnotation] ?? '';
    let oldRevisions = history.split(',');
    if (oldRevisions[0]!.length === 0) {
      annotations[RevisionHistoryAnnotation] = oldRevision;
    } else {
      let totalLen = history.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > revHistoryLimitInChars && start < oldRevisions.length) {
        totalLen = totalLen - oldRevisions[start]!.length - 1;
        start++;
      }
      if (totalLen <= revHistoryLimitInChars) {
        oldRevisions = [...oldRevisions.slice(start), oldRevision];
        annotations[RevisionHistoryAnnotation] = oldRevisions.join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(annotations, specReplicas(d), specReplicas(d) + maxSurge(d)))
    changed = true;
  return changed;
}

// ---------------------------------------------------------------------------------------------
// Templates

function withoutHash(t: PodTemplateSpec): unknown {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[DefaultDeploymentUniqueLabelKey];
  return prune({ ...t, metadata: { ...(t.metadata ?? {}), labels } });
}

/** Semantic deep equality treats nil and empty maps/slices alike; pruning them gives the same. */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(prune);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = prune(x);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v;
}

const templateKeyCache = new WeakMap<PodTemplateSpec, string>();

/** A comparison key for EqualIgnoreHash, cached per (immutable) template object. */
export function templateKeyIgnoringHash(t: PodTemplateSpec): string {
  let key = templateKeyCache.get(t);
  if (key === undefined) {
    key = canonicalJSON(withoutHash(t) ?? {});
    templateKeyCache.set(t, key);
  }
  return key;
}

/** EqualIgnoreHash: two pod templates are equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return templateKeyIgnoringHash(a) === templateKeyIgnoringHash(b);
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** ReplicaSetsByRevision: revision ascending; unparsable or equal → creation time, then name. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revision(a);
  const rb = revision(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreationTimestamp(a, b);
  return ra - rb;
}

/** ReplicaSetsBySizeNewer: larger first; ties: newer first. */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  if (specReplicas(a) === specReplicas(b)) return -byCreationTimestamp(a, b);
  return specReplicas(b) - specReplicas(a);
}

/** ReplicaSetsBySizeOlder: larger first; ties: older first. */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  if (specReplicas(a) === specReplicas(b)) return byCreationTimestamp(a, b);
  return specReplicas(b) - specReplicas(a);
}

/** FindNewReplicaSet: the oldest RS whose template equals the deployment's, ignoring the hash. */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[]): ReplicaSet | undefined {
  const sorted = [...rsList].sort(byCreationTimestamp);
  return sorted.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** FindOldReplicaSets: [active old RSes, all old RSes]. */
export function findOldReplicaSets(d: Deployment, rsList: ReplicaSet[]): [ReplicaSet[], ReplicaSet[]] {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => rs !== newRS);
  return [all.filter((rs) => specReplicas(rs) !== 0), all];
}

/** FindActiveOrLatest: the single active RS, or the newest one when none is active. */
export function findActiveOrLatest(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const sortedOld = [...oldRSs].sort(byCreationTimestamp).reverse();
  const active = filterActiveReplicaSets([...sortedOld, newRS]);
  if (active.length === 0) return newRS ?? sortedOld[0];
  if (active.length === 1) return active[0];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Status and conditions

export function hasProgressDeadline(d: Deployment): boolean {
  return d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== MaxInt32;
}

export function hasRevisionHistoryLimit(d: Deployment): boolean {
  return d.spec.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== MaxInt32;
}

export function newDeploymentCondition(
  type: string,
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  now: number,
): DeploymentCondition {
  const ts = timestamp(now);
  return { type, status, lastUpdateTime: ts, lastTransitionTime: ts, reason, message };
}

export function getDeploymentCondition(
  status: DeploymentStatus | undefined,
  type: string,
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: same status and reason → untouched; same status, other reason →
 * replaced keeping lastTransitionTime; otherwise replaced. Returns the new conditions array.
 */
export function setDeploymentCondition(
  conditions: DeploymentCondition[] | undefined,
  c: DeploymentCondition,
): DeploymentCondition[] {
  const list = conditions ?? [];
  const current = list.find((x) => x.type === c.type);
  if (current && current.status === c.status && current.reason === c.reason) return list;
  let next = c;
  if (current && current.status === c.status && current.lastTransitionTime !== undefined)
    next = { ...c, lastTransitionTime: current.lastTransitionTime };
  return [...list.filter((x) => x.type !== c.type), next];
}

export function removeDeploymentCondition(
  conditions: DeploymentCondition[] | undefined,
  type: string,
): DeploymentCondition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

/**
 * DeploymentComplete: every replica updated, no old ones left, all available, generation observed.
 */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const r = specReplicas(d);
  return (
    (s.updatedReplicas ?? 0) === r &&
    (s.replicas ?? 0) === r &&
    (s.availableReplicas ?? 0) === r &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/**
 * DeploymentProgressing: more updated, fewer old, more ready or more available than the stored
 * status says.
 */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * DeploymentTimedOut: lastUpdateTime + progressDeadlineSeconds strictly before now. Never for a
 * completed rollout; always once ProgressDeadlineExceeded was recorded.
 */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getDeploymentCondition(s, 'Progressing');
  if (!c) return false;
  if (c.reason === NewRSAvailableReason) return false;
  if (c.reason === TimedOutReason) return true;
  const from = parseTimestamp(c.lastUpdateTime);
  return from + (d.spec.progressDeadlineSeconds ?? 0) < now;
}

// ---------------------------------------------------------------------------------------------
// Pods

export function podReadyCondition(p: Pod) {
  return p.status?.conditions?.find((c) => c.type === 'Ready');
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(p: Pod): boolean {
  return podReadyCondition(p)?.status === 'True';
}

/**
 * IsPodAvailable: Ready, and Ready for longer than minReadySeconds
 * (lastTransitionTime + minReadySeconds strictly before now).
 */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  const c = podReadyCondition(p);
  if (!c || c.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  return parseTimestamp(c.lastTransitionTime) + minReadySeconds < now;
}

/** IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(p: Pod): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp;
}
