/**
 * Table-driven tests for upstream's patch strategies in strategic merge patch (strategic-patch.ts,
 * `kubectl patch`) and in `kubectl apply`'s three-way merge (merge.ts). The strategies are the
 * patchStrategy / patchMergeKey struct tags of k8s.io/api (core/v1, apps/v1, discovery/v1,
 * policy/v1 types.go); the merge cases are ported from kubernetes/kubernetes
 * `staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go` where they apply, with
 * its MergeItem fields (mergingList, mergingIntList, retainKeysMap, retainKeysMergingList,
 * nonMergingList) played by real fields of those strategies.
 */
import { describe, expect, it } from 'vitest';
import { patchStrategy, threeWayMerge, threeWayPatch, type Json } from './merge.ts';
import { strategicMergePatch } from './strategic-patch.ts';

describe('patchStrategy', () => {
  // [path from the kind, upstream's strategy (undefined: atomic list or merged map), where it says so]
  it.each([
    ['Node.status.conditions', 'merge:type', 'core/v1 NodeStatus.Conditions'],
    ['Node.status.addresses', 'merge:type', 'core/v1 NodeStatus.Addresses'],
    ['Node.status.images', undefined, 'core/v1 NodeStatus.Images, +listType=atomic'],
    ['Node.spec.podCIDRs', 'merge', 'core/v1 NodeSpec.PodCIDRs'],
    ['Node.spec.taints', undefined, 'core/v1 NodeSpec.Taints, +listType=atomic'],
    ['EndpointSlice.endpoints', undefined, 'discovery/v1 EndpointSlice.Endpoints, +listType=atomic'],
    ['EndpointSlice.ports', undefined, 'discovery/v1 EndpointSlice.Ports, +listType=atomic'],
    ['EndpointSlice.endpoints.addresses', undefined, 'discovery/v1 Endpoint.Addresses, +listType=set'],
    ['Endpoints.subsets', undefined, 'core/v1 Endpoints.Subsets, +listType=atomic'],
    ['Endpoints.subsets.addresses', undefined, 'core/v1 EndpointSubset.Addresses, +listType=atomic'],
    ['Endpoints.subsets.ports', undefined, 'core/v1 EndpointSubset.Ports, +listType=atomic'],
    ['Service.spec.ports', 'merge:port', 'core/v1 ServiceSpec.Ports'],
    ['Service.spec.clusterIPs', undefined, 'core/v1 ServiceSpec.ClusterIPs, +listType=atomic'],
    ['Service.status.conditions', 'merge:type', 'core/v1 ServiceStatus.Conditions'],
    ['Pod.spec.containers', 'merge:name', 'core/v1 PodSpec.Containers'],
    ['Pod.spec.containers.ports', 'merge:containerPort', 'core/v1 Container.Ports'],
    ['Pod.spec.initContainers.ports', 'merge:containerPort', 'core/v1 Container.Ports'],
    ['Pod.spec.ephemeralContainers.ports', 'merge:containerPort', 'core/v1 EphemeralContainerCommon.Ports'],
    ['Pod.spec.containers.env', 'merge:name', 'core/v1 Container.Env'],
    ['Pod.spec.containers.envFrom', undefined, 'core/v1 Container.EnvFrom, +listType=atomic'],
    ['Pod.spec.containers.volumeMounts', 'merge:mountPath', 'core/v1 Container.VolumeMounts'],
    ['Pod.spec.containers.volumeDevices', 'merge:devicePath', 'core/v1 Container.VolumeDevices'],
    ['Pod.spec.containers.args', undefined, 'core/v1 Container.Args, +listType=atomic'],
    ['Pod.spec.volumes', 'merge,retainKeys:name', 'core/v1 PodSpec.Volumes'],
    ['Pod.spec.imagePullSecrets', 'merge:name', 'core/v1 PodSpec.ImagePullSecrets'],
    ['Pod.spec.tolerations', undefined, 'core/v1 PodSpec.Tolerations, +listType=atomic'],
    ['Pod.spec.hostAliases', 'merge:ip', 'core/v1 PodSpec.HostAliases'],
    ['Pod.spec.topologySpreadConstraints', 'merge:topologyKey', 'core/v1 PodSpec.TopologySpreadConstraints'],
    ['Pod.spec.schedulingGates', 'merge:name', 'core/v1 PodSpec.SchedulingGates'],
    ['Pod.spec.resourceClaims', 'merge,retainKeys:name', 'core/v1 PodSpec.ResourceClaims'],
    ['Pod.spec.readinessGates', undefined, 'core/v1 PodSpec.ReadinessGates, +listType=atomic'],
    ['Pod.status.conditions', 'merge:type', 'core/v1 PodStatus.Conditions'],
    ['Pod.status.podIPs', 'merge:ip', 'core/v1 PodStatus.PodIPs'],
    ['Pod.status.hostIPs', 'merge:ip', 'core/v1 PodStatus.HostIPs'],
    ['Pod.status.containerStatuses', undefined, 'core/v1 PodStatus.ContainerStatuses, +listType=atomic'],
    ['Pod.status.containerStatuses.volumeMounts', 'merge:mountPath', 'core/v1 ContainerStatus.VolumeMounts'],
    ['Pod.status.resourceClaimStatuses', 'merge,retainKeys:name', 'core/v1 PodStatus.ResourceClaimStatuses'],
    ['Pod.metadata.ownerReferences', 'merge:uid', 'meta/v1 ObjectMeta.OwnerReferences'],
    ['Pod.metadata.finalizers', 'merge', 'meta/v1 ObjectMeta.Finalizers'],
    ['Namespace.spec.finalizers', undefined, 'core/v1 NamespaceSpec.Finalizers, +listType=atomic'],
    ['Namespace.status.conditions', 'merge:type', 'core/v1 NamespaceStatus.Conditions'],
    ['Deployment.spec.strategy', 'retainKeys', 'apps/v1 DeploymentSpec.Strategy'],
    ['Deployment.spec.selector', undefined, 'apps/v1 DeploymentSpec.Selector'],
    ['Deployment.spec.selector.matchExpressions', undefined, 'meta/v1 LabelSelector, +listType=atomic'],
    ['Deployment.spec.template.spec.containers.ports', 'merge:containerPort', 'core/v1 Container.Ports'],
    ['Deployment.status.conditions', 'merge:type', 'apps/v1 DeploymentStatus.Conditions'],
    ['ReplicaSet.status.conditions', 'merge:type', 'apps/v1 ReplicaSetStatus.Conditions'],
    ['PodDisruptionBudget.spec.selector', 'replace', 'policy/v1 PodDisruptionBudgetSpec.Selector'],
    ['PodDisruptionBudget.status.conditions', 'merge:type', 'policy/v1 PodDisruptionBudgetStatus.Conditions'],
  ])('%s: %s (%s)', (path, strategy, _source) => {
    expect(patchStrategy(path)).toBe(strategy);
  });

  it('is not fooled by the names of Object.prototype', () => {
    expect(patchStrategy('Pod.metadata.labels.constructor')).toBeUndefined();
  });
});

const node = (status: Record<string, Json>): Json => ({ kind: 'Node', metadata: { name: 'n' }, status });
const ready = (status: string, reason: string): Json => ({ type: 'Ready', status, reason });
const pressure = { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' };
const slice = (rest: Record<string, Json>): Json => ({
  kind: 'EndpointSlice',
  metadata: { name: 'web-abcde' },
  addressType: 'IPv4',
  ...rest,
});
const pdbSelector = (selector: Json): Json => ({
  kind: 'PodDisruptionBudget',
  metadata: { name: 'web' },
  spec: { minAvailable: 1, selector },
});
const podSpec = (spec: Record<string, Json>): Json => ({ kind: 'Pod', metadata: { name: 'p' }, spec });
const meta = (metadata: Record<string, Json>): Json => ({
  kind: 'Pod',
  metadata: { name: 'p', ...metadata },
});

describe('strategicMergePatch (kubectl patch)', () => {
  // [case, object, patch, result]
  it.each<[string, Json, Json, Json]>([
    [
      "a Node's conditions merge by type: Ready changes, MemoryPressure stays",
      node({ conditions: [pressure, ready('True', 'KubeletReady')] }),
      { status: { conditions: [ready('False', 'KubeletNotReady')] } },
      node({ conditions: [pressure, ready('False', 'KubeletNotReady')] }),
    ],
    [
      "a Node's addresses merge by type",
      node({
        addresses: [
          { type: 'InternalIP', address: '10.0.0.1' },
          { type: 'Hostname', address: 'n' },
        ],
      }),
      { status: { addresses: [{ type: 'InternalIP', address: '10.0.0.9' }] } },
      node({
        addresses: [
          { type: 'InternalIP', address: '10.0.0.9' },
          { type: 'Hostname', address: 'n' },
        ],
      }),
    ],
    [
      "an EndpointSlice's ports are atomic: the patch's replace them, even with the same port",
      slice({ ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }),
      { ports: [{ name: 'metrics', port: 8080 }] },
      slice({ ports: [{ name: 'metrics', port: 8080 }] }),
    ],
    [
      "an EndpointSlice's endpoints are atomic",
      slice({
        endpoints: [
          { addresses: ['10.244.0.5'], conditions: { ready: true } },
          { addresses: ['10.244.0.6'], conditions: { ready: true } },
        ],
      }),
      { endpoints: [{ addresses: ['10.244.0.6'], conditions: { ready: false } }] },
      slice({ endpoints: [{ addresses: ['10.244.0.6'], conditions: { ready: false } }] }),
    ],
    [
      "an Endpoints subset's ports are atomic, as its subsets are",
      {
        kind: 'Endpoints',
        metadata: { name: 'web' },
        subsets: [{ addresses: [{ ip: '10.244.0.5' }], ports: [{ name: 'http', port: 8080 }] }],
      },
      { subsets: [{ ports: [{ name: 'metrics', port: 9090 }] }] },
      {
        kind: 'Endpoints',
        metadata: { name: 'web' },
        subsets: [{ ports: [{ name: 'metrics', port: 9090 }] }],
      },
    ],
    [
      "a Service's ports still merge by port",
      {
        kind: 'Service',
        metadata: { name: 's' },
        spec: {
          ports: [
            { name: 'a', port: 80 },
            { name: 'b', port: 81 },
          ],
        },
      },
      { spec: { ports: [{ port: 81, targetPort: 8081 }] } },
      {
        kind: 'Service',
        metadata: { name: 's' },
        spec: {
          ports: [
            { name: 'a', port: 80 },
            { name: 'b', port: 81, targetPort: 8081 },
          ],
        },
      },
    ],
    [
      "a container's ports still merge by containerPort, in a template too",
      {
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: { template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] } } },
      },
      {
        spec: {
          template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, name: 'http' }] }] } },
        },
      },
      {
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: {
          template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, name: 'http' }] }] } },
        },
      },
    ],
    [
      "a Pod's conditions, podIPs and ownerReferences merge by their keys",
      {
        kind: 'Pod',
        metadata: { name: 'p', ownerReferences: [{ uid: 'u1', name: 'rs' }] },
        status: { conditions: [{ type: 'Ready', status: 'True' }], podIPs: [{ ip: '10.244.0.5' }] },
      },
      {
        metadata: { ownerReferences: [{ uid: 'u1', controller: true }] },
        status: { conditions: [{ type: 'Ready', status: 'False' }], podIPs: [{ ip: '10.244.0.5' }] },
      },
      {
        kind: 'Pod',
        metadata: { name: 'p', ownerReferences: [{ uid: 'u1', name: 'rs', controller: true }] },
        status: { conditions: [{ type: 'Ready', status: 'False' }], podIPs: [{ ip: '10.244.0.5' }] },
      },
    ],
    [
      'tolerations are atomic',
      podSpec({ tolerations: [{ key: 'a', operator: 'Exists' }] }),
      { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } },
      podSpec({ tolerations: [{ key: 'b', operator: 'Exists' }] }),
    ],
    // patch_test.go: "unique scalars when merging lists" (mergingIntList)
    [
      'finalizers merge as a set of scalars',
      meta({ finalizers: ['a', 'b'] }),
      { metadata: { finalizers: ['b', 'c'] } },
      meta({ finalizers: ['a', 'b', 'c'] }),
    ],
    [
      "a Node's podCIDRs merge as a set",
      { kind: 'Node', metadata: { name: 'n' }, spec: { podCIDRs: ['10.244.0.0/24'] } },
      { spec: { podCIDRs: ['10.244.0.0/24', 'fd00::/64'] } },
      { kind: 'Node', metadata: { name: 'n' }, spec: { podCIDRs: ['10.244.0.0/24', 'fd00::/64'] } },
    ],
    // patch_test.go: "delete items in lists of scalars" (the two-way patch)
    [
      'items leave a set of scalars by $deleteFromPrimitiveList',
      meta({ finalizers: ['a', 'b', 'c'] }),
      {
        metadata: {
          '$setElementOrder/finalizers': ['a', 'b'],
          '$deleteFromPrimitiveList/finalizers': ['c'],
        },
      },
      meta({ finalizers: ['a', 'b'] }),
    ],
    // patch_test.go: "delete all items from merging list"
    [
      'a merging list is emptied by $patch: replace',
      node({ conditions: [pressure, ready('True', 'KubeletReady')] }),
      { status: { conditions: [{ $patch: 'replace' }] } },
      node({ conditions: [] }),
    ],
    // patch_test.go: "delete all maps from merging list"
    [
      'merging list items leave by $patch: delete',
      node({ conditions: [pressure, ready('True', 'KubeletReady')] }),
      { status: { conditions: [{ type: 'MemoryPressure', $patch: 'delete' }] } },
      node({ conditions: [ready('True', 'KubeletReady')] }),
    ],
    [
      "a PodDisruptionBudget's selector is replaced whole",
      pdbSelector({ matchLabels: { app: 'web' } }),
      { spec: { selector: { matchLabels: { tier: 'front' } } } },
      pdbSelector({ matchLabels: { tier: 'front' } }),
    ],
    [
      "a Deployment's selector merges (no strategy)",
      { kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { app: 'web' } } } },
      { spec: { selector: { matchLabels: { tier: 'front' } } } },
      {
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: { selector: { matchLabels: { app: 'web', tier: 'front' } } },
      },
    ],
    // patch_test.go: "retainKeys map can add a field when no retainKeys directive present"
    [
      "a Deployment's strategy merges when the patch has no $retainKeys",
      { kind: 'Deployment', metadata: { name: 'd' }, spec: { strategy: { type: 'RollingUpdate' } } },
      { spec: { strategy: { rollingUpdate: { maxSurge: 1 } } } },
      {
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } },
      },
    ],
    // patch_test.go: "retainKeys list can add a field when no retainKeys directive present"
    [
      'volumes merge by name when the patch has no $retainKeys',
      podSpec({ volumes: [{ name: 'bar' }, { name: 'foo' }] }),
      { spec: { volumes: [{ name: 'foo', emptyDir: {} }] } },
      podSpec({ volumes: [{ name: 'bar' }, { name: 'foo', emptyDir: {} }] }),
    ],
    [
      "a volume's other keys go with $retainKeys",
      podSpec({ volumes: [{ name: 'foo', emptyDir: {} }] }),
      { spec: { volumes: [{ name: 'foo', $retainKeys: ['name', 'secret'], secret: { secretName: 's' } }] } },
      podSpec({ volumes: [{ name: 'foo', secret: { secretName: 's' } }] }),
    ],
  ])('%s', (_, object, patch, result) => {
    expect(strategicMergePatch(object, patch)).toEqual(result);
  });
});

const deployment = (spec: Record<string, Json>): Json => ({
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec,
});

describe('threeWayMerge (kubectl apply)', () => {
  // [case, live, last applied, manifest, result]
  it.each<[string, Json, Json, Json, Json]>([
    [
      "Recreate drops the strategy's defaulted rollingUpdate ($retainKeys)",
      deployment({
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      }),
      deployment({}),
      deployment({ strategy: { type: 'Recreate' } }),
      deployment({ strategy: { type: 'Recreate' } }),
    ],
    // patch_test.go: "retainKeys list of maps adds a field and clear a field"
    [
      'a volume keeps only the keys the manifest gives it',
      podSpec({ volumes: [{ name: 'bar' }, { name: 'foo', emptyDir: {} }] }),
      podSpec({ volumes: [{ name: 'bar' }, { name: 'foo' }] }),
      podSpec({ volumes: [{ name: 'bar' }, { name: 'foo', secret: { secretName: 's' } }] }),
      podSpec({ volumes: [{ name: 'bar' }, { name: 'foo', secret: { secretName: 's' } }] }),
    ],
    [
      "an EndpointSlice's ports are the manifest's, even those someone else added going",
      slice({
        ports: [
          { name: 'http', port: 8080 },
          { name: 'extra', port: 9090 },
        ],
      }),
      slice({ ports: [{ name: 'http', port: 8080 }] }),
      slice({ ports: [{ name: 'metrics', port: 8080 }] }),
      slice({ ports: [{ name: 'metrics', port: 8080 }] }),
    ],
    [
      "a Node's conditions merge by type, keeping the ones the manifest never had",
      node({ conditions: [ready('True', 'KubeletReady'), pressure] }),
      node({ conditions: [ready('True', 'KubeletReady')] }),
      node({ conditions: [ready('False', 'KubeletNotReady')] }),
      node({ conditions: [ready('False', 'KubeletNotReady'), pressure] }),
    ],
    // patch_test.go: "delete items in lists of scalars"
    [
      'a finalizer the manifest dropped goes, one someone else added stays',
      meta({ finalizers: ['1', '2', '3', '4'] }),
      meta({ finalizers: ['1', '2', '3'] }),
      meta({ finalizers: ['1', '2'] }),
      meta({ finalizers: ['1', '2', '4'] }),
    ],
    // patch_test.go: "add and delete items in lists of scalars"
    [
      'finalizers added and dropped at once',
      meta({ finalizers: ['1', '2', '3', '4'] }),
      meta({ finalizers: ['1', '2', '3'] }),
      meta({ finalizers: ['1', '2', '4'] }),
      meta({ finalizers: ['1', '2', '4'] }),
    ],
    [
      "a PodDisruptionBudget's selector is the manifest's whole",
      pdbSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'x', operator: 'Exists' }] }),
      pdbSelector({ matchLabels: { app: 'web' } }),
      pdbSelector({ matchLabels: { tier: 'front' } }),
      pdbSelector({ matchLabels: { tier: 'front' } }),
    ],
    // patch_test.go: "replace list of scalars with conflict" (nonMergingIntList)
    [
      "a Service's clusterIPs are atomic",
      { kind: 'Service', metadata: { name: 's' }, spec: { clusterIPs: ['10.96.0.1', 'fd00::1'] } },
      { kind: 'Service', metadata: { name: 's' }, spec: { clusterIPs: ['10.96.0.1'] } },
      { kind: 'Service', metadata: { name: 's' }, spec: { clusterIPs: ['10.96.0.2'] } },
      { kind: 'Service', metadata: { name: 's' }, spec: { clusterIPs: ['10.96.0.2'] } },
    ],
  ])('%s', (_, live, last, manifest, result) => {
    expect(threeWayMerge(live, last, manifest)).toEqual(result);
  });
});

describe('threeWayPatch (what apply sends, for its errors)', () => {
  it("sends an EndpointSlice's ports whole, with no element order", () => {
    expect(
      threeWayPatch(
        slice({ ports: [{ name: 'http', port: 8080 }] }),
        slice({ ports: [{ name: 'http', port: 8080 }] }),
        slice({ ports: [{ name: 'metrics', port: 8080 }] }),
      ),
    ).toEqual({ ports: [{ name: 'metrics', port: 8080 }] });
  });

  it("sends a Node's changed condition by type, with the element order", () => {
    expect(
      threeWayPatch(
        node({ conditions: [pressure, ready('True', 'KubeletReady')] }),
        undefined,
        node({ conditions: [pressure, ready('False', 'KubeletNotReady')] }),
      ),
    ).toEqual({
      status: {
        '$setElementOrder/conditions': [{ type: 'MemoryPressure' }, { type: 'Ready' }],
        conditions: [{ status: 'False', reason: 'KubeletNotReady', type: 'Ready' }],
      },
    });
  });
});
