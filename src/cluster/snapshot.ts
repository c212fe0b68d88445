/**
 * What `restore()` accepts: a snapshot of this simulator, checked in full before any state is
 * touched. A snapshot comes from `snapshot()`, storage or a file, so everything is checked: shapes,
 * types and the ranges the simulator relies on (finite times, queue names it knows).
 */
import { SnapshotError } from './errors.ts';
import { GROUP_ENTRIES, GROUPS } from './correlator.ts';

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function fail(what: string): never {
  throw new SnapshotError(what);
}

function list(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) fail(`${what} is not a list`);
  return v;
}

function pairs(v: unknown, what: string): [unknown, unknown][] {
  return list(v, what).map((p, i) => {
    if (!Array.isArray(p) || p.length !== 2) fail(`${what}[${i}] is not a [key, value] pair`);
    return p as [unknown, unknown];
  });
}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string') fail(`${what} is not a string`);
  return v;
}

function num(v: unknown, what: string): number {
  if (!isNum(v)) fail(`${what} is not a finite number`);
  return v;
}

function obj(v: unknown, what: string): Record<string, unknown> {
  if (!isObj(v)) fail(`${what} is not an object`);
  return v;
}

/**
 * A stored object: kind and name as the store filed it. Hot (every object of a large cluster):
 * plain checks first, the message only on failure.
 */
function kubeObject(v: unknown, kind: string, what: () => string): void {
  if (!isObj(v)) fail(`${what()} is not an object`);
  if (v['kind'] !== kind) fail(`${what()}.kind is not ${JSON.stringify(kind)}`);
  const meta = v['metadata'];
  if (!isObj(meta) || typeof meta['name'] !== 'string') fail(`${what()}.metadata.name is not a string`);
  if (meta['namespace'] !== undefined && typeof meta['namespace'] !== 'string')
    fail(`${what()}.metadata.namespace is not a string`);
  // The controllers read spec without checking: a wrong type here would break them later.
  const spec = v['spec'];
  if (spec !== undefined && !isObj(spec)) fail(`${what()}.spec is not an object`);
}

function event(v: unknown, i: number): void {
  kubeObject(v, 'Event', () => `events[${i}]`);
  const e = v as Record<string, unknown>;
  if (
    !isObj(e['involvedObject']) ||
    !isObj(e['source']) ||
    typeof e['reason'] !== 'string' ||
    typeof e['message'] !== 'string' ||
    typeof e['type'] !== 'string' ||
    typeof e['firstTimestamp'] !== 'string' ||
    typeof e['lastTimestamp'] !== 'string' ||
    !isNum(e['count'])
  )
    fail(`events[${i}] is not a complete Event`);
}

/** Throws SnapshotError unless `s` has every part of a ClusterSnapshot, with the right types. */
export function checkSnapshot(s: unknown, queueNames: readonly string[]): void {
  const r = obj(s, 'the snapshot');
  if (r['version'] !== 1) fail(`unknown version ${JSON.stringify(r['version'])}`);
  const now = num(r['now'], 'now');
  if (now < 0) fail('now is negative');
  const store = obj(r['store'], 'store');
  num(store['resourceVersion'], 'store.resourceVersion');
  for (const [kind, entries] of pairs(store['kinds'], 'store.kinds')) {
    const k = str(kind, 'a store kind');
    for (const [key, o] of pairs(entries, `store.kinds[${k}]`)) {
      if (typeof key !== 'string') fail(`a ${k} key is not a string`);
      kubeObject(o, k, () => `store ${k} ${key}`);
    }
  }
  const rand = list(r['rand'], 'rand');
  if (rand.length !== 4 || !rand.every((x) => Number.isInteger(x))) fail('rand is not four integers');
  const queues = obj(r['queues'], 'queues');
  // Queues added later (disruption, nodelifecycle) may be absent from older snapshots.
  for (const q of queueNames)
    if (queues[q] !== undefined)
      list(queues[q], `queues.${q}`).forEach((k) => str(k, `a key in queues.${q}`));
  list(r['timers'], 'timers').forEach((t, i) => {
    const timer = obj(t, `timers[${i}]`);
    num(timer['at'], `timers[${i}].at`);
    num(timer['seq'], `timers[${i}].seq`);
    if (!queueNames.includes(str(timer['target'], `timers[${i}].target`)))
      fail(`timers[${i}].target is not a queue`);
    str(timer['key'], `timers[${i}].key`);
  });
  num(r['timerSeq'], 'timerSeq');
  if (r['pendingTimers'] !== undefined)
    list(r['pendingTimers'], 'pendingTimers').forEach((p, i) => {
      const field = `pendingTimers[${i}]`;
      if (!Array.isArray(p) || p.length !== 3) fail(`${field} is not [queue, key, at]`);
      if (!queueNames.includes(str(p[0], `${field}[0]`))) fail(`${field}[0] is not a queue`);
      str(p[1], `${field}[1]`);
      if (p[2] !== null) num(p[2], `${field}[2]`);
    });
  if (r['triggerTimes'] !== undefined)
    pairs(r['triggerTimes'], 'triggerTimes').forEach(([service, differences], i) => {
      str(service, `triggerTimes[${i}][0]`);
      pairs(differences, `triggerTimes[${i}][1]`).forEach(([pod, time], j) => {
        str(pod, `triggerTimes[${i}][1][${j}][0]`);
        if (time !== null) str(time, `triggerTimes[${i}][1][${j}][1]`);
      });
    });
  list(r['events'], 'events').forEach(event);
  list(r['decisions'], 'decisions').forEach((d, i) => {
    if (
      !isObj(d) ||
      !isNum(d['t']) ||
      !isObj(d['object']) ||
      typeof d['code'] !== 'string' ||
      !isObj(d['values'])
    )
      fail(`decisions[${i}] is not a decision record`);
  });
  num(r['eventSeq'], 'eventSeq');
  const world = obj(r['world'], 'world');
  for (const [k, p] of pairs(world['pods'], 'world.pods')) {
    if (
      typeof k !== 'string' ||
      !isObj(p) ||
      typeof p['stage'] !== 'string' ||
      !isNum(p['until']) ||
      !isNum(p['backoff']) ||
      !isNum(p['restarts']) ||
      !isNum(p['startedAt']) ||
      !isNum(p['requests']) ||
      !isNum(p['nextProbeAt'])
    )
      fail(`world.pods[${String(k)}] is not a pod's runtime state`);
  }
  for (const [k, v] of pairs(world['nodeImages'], 'world.nodeImages')) {
    str(k, 'a world.nodeImages key');
    list(v, `world.nodeImages[${String(k)}]`).forEach((x) => str(x, 'an image'));
  }
  for (const [k, v] of pairs(world['nextIp'], 'world.nextIp')) {
    str(k, 'a world.nextIp key');
    num(v, `world.nextIp[${String(k)}]`);
  }
  list(world['unschedulable'], 'world.unschedulable').forEach((k) => str(k, 'a world.unschedulable key'));
  const traffic = obj(world['traffic'], 'world.traffic');
  list(traffic['sources'], 'world.traffic.sources').forEach((x, i) => {
    const src = obj(x, `world.traffic.sources[${i}]`);
    str(src['service'], `world.traffic.sources[${i}].service`);
    str(src['namespace'], `world.traffic.sources[${i}].namespace`);
    num(src['requestsPerSecond'], `world.traffic.sources[${i}].requestsPerSecond`);
  });
  list(traffic['recent'], 'world.traffic.recent').forEach((x, i) => obj(x, `world.traffic.recent[${i}]`));
  list(traffic['series'], 'world.traffic.series').forEach((x, i) => {
    obj(obj(x, `world.traffic.series[${i}]`)['ok'], `world.traffic.series[${i}].ok`);
  });
  list(traffic['carry'], 'world.traffic.carry').forEach((x, i) => num(x, `world.traffic.carry[${i}]`));
  num(traffic['lastBatchEnd'], 'world.traffic.lastBatchEnd');
  obj(world['apps'], 'world.apps');
  if (world['downNodes'] !== undefined)
    for (const [k, v] of pairs(world['downNodes'], 'world.downNodes')) {
      str(k, 'a world.downNodes key');
      num(v, `world.downNodes[${String(k)}]`);
    }
  for (const [k, m] of pairs(r['lastDecision'], 'lastDecision')) {
    str(k, 'a lastDecision key');
    for (const [c, sig] of pairs(m, `lastDecision[${String(k)}]`)) {
      str(c, 'a decision code');
      str(sig, 'a decision signature');
    }
  }
  if (r['correlators'] !== undefined)
    list(r['correlators'], 'correlators').forEach((c, i) => {
      const field = `correlators[${i}]`;
      if (!Array.isArray(c) || c.length !== 2) fail(`${field} is not [source, objects]`);
      str(c[0], `${field}[0]`);
      list(c[1], `${field}[1]`).forEach((o, j) => {
        const at = `${field}[1][${j}]`;
        if (
          !Array.isArray(o) ||
          o.length < GROUPS ||
          (o.length - GROUPS) % GROUP_ENTRIES !== 0 ||
          typeof o[0] !== 'string' ||
          !isNum(o[1])
        )
          fail(`${at} is not [object, fullAt, observed, ...groups]`);
        list(o[2], `${at}[2]`).forEach((x, k) => {
          if (
            !Array.isArray(x) ||
            x.length !== 6 ||
            typeof x[0] !== 'string' ||
            typeof x[1] !== 'string' ||
            (x[2] !== null && typeof x[2] !== 'string') ||
            typeof x[3] !== 'string' ||
            !isNum(x[4]) ||
            typeof x[5] !== 'string'
          )
            fail(`${at}[2][${k}] is not [type, reason, message, name, count, firstTimestamp]`);
        });
        for (let k = GROUPS; k < o.length; k += GROUP_ENTRIES) {
          const m: unknown = o[k + 3];
          if (
            typeof o[k] !== 'string' ||
            typeof o[k + 1] !== 'string' ||
            !isNum(o[k + 2]) ||
            !(typeof m === 'string' || (Array.isArray(m) && m.every((x) => typeof x === 'string')))
          )
            fail(`${at}[${k}] is not a group: type, reason, last, messages`);
        }
      });
    });
  const timing = obj(r['timing'], 'timing');
  for (const f of ['scheduleSeconds', 'imagePullSeconds', 'containerStartSeconds', 'terminationSeconds']) {
    const v = num(timing[f], `timing.${f}`);
    if (v < 0) fail(`timing.${f} is negative`);
  }
}
