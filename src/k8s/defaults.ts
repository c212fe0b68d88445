/**
 * API-server defaulting, ported from kubernetes/kubernetes `pkg/apis/apps/v1/defaults.go` and
 * `pkg/apis/core/v1/defaults.go` (plus the declarative `+default` markers of k8s.io/api, such as
 * `ContainerPort.protocol: TCP`).
 *
 * The API server defaults every object it decodes, before validation and before storing it, so
 * `kubectl get -o yaml` shows these fields even when the manifest left them out. Every function here
 * returns a fresh deep copy: objects in the store are never mutated in place.
 */
import type {
  Container,
  ContainerPort,
  Deployment,
  DeploymentStrategy,
  HTTPGetAction,
  KubeObject,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Probe,
  ReplicaSet,
  ResourceRequirements,
  Service,
  ServicePort,
} from './types.ts';

/** core/v1 DefaultTerminationGracePeriodSeconds. */
const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** core/v1 TerminationMessagePathDefault. */
const DEFAULT_TERMINATION_MESSAGE_PATH = '/dev/termination-log';
/** core/v1 DefaultSchedulerName. */
const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

// ---------------------------------------------------------------------------------------------
// apps/v1

/**
 * SetDefaults_Deployment (apps/v1): replicas 1, strategy RollingUpdate with maxUnavailable and
 * maxSurge "25%" each filled in independently (a Recreate deployment gets no rollingUpdate block),
 * revisionHistoryLimit 10 (an explicit 0 is kept), progressDeadlineSeconds 600, and the pod
 * template's spec defaults. A missing status becomes `{}`, like a freshly created object's.
 */
export function setDefaultsDeployment(d: Deployment): Deployment {
  const copy = cloneJson(d);
  // A Go struct, not a pointer: a manifest (or a JSON patch) without spec still has one.
  copy.spec ??= {} as Deployment['spec'];
  const spec = copy.spec;
  spec.replicas ??= 1;
  spec.strategy = defaultDeploymentStrategy(spec.strategy);
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  spec.template = defaultTemplate(spec.template);
  omitZeroMinReadySeconds(spec);
  copy.status ??= {};
  return copy;
}

/**
 * minReadySeconds is an int32 with omitempty: 0 is never written, so an object read back holds
 * none, and a patch that sets it to 0 where it was not changes nothing. (The Deployment
 * controller holds the ReplicaSets it writes to the same rule.) Changes `spec`; returns it.
 */
export function omitZeroMinReadySeconds<S extends { minReadySeconds?: number }>(spec: S): S {
  if (spec.minReadySeconds === 0) delete spec.minReadySeconds;
  return spec;
}

/** The strategy part of SetDefaults_Deployment; `strategy` is already a private copy. */
function defaultDeploymentStrategy(strategy: DeploymentStrategy | undefined): DeploymentStrategy {
  const out: DeploymentStrategy = strategy ?? {};
  if (out.type === undefined || out.type === '') out.type = 'RollingUpdate';
  if (out.type === 'RollingUpdate') {
    const rollingUpdate = out.rollingUpdate ?? {};
    rollingUpdate.maxUnavailable ??= '25%';
    rollingUpdate.maxSurge ??= '25%';
    out.rollingUpdate = rollingUpdate;
  }
  return out;
}

/** SetDefaults_ReplicaSet: replicas 1, plus the template's pod spec defaults; status `{replicas: 0}`. */
export function setDefaultsReplicaSet(rs: ReplicaSet): ReplicaSet {
  const copy = cloneJson(rs);
  copy.spec ??= {} as ReplicaSet['spec'];
  copy.spec.replicas ??= 1;
  copy.spec.template = defaultTemplate(copy.spec.template);
  omitZeroMinReadySeconds(copy.spec);
  copy.status ??= { replicas: 0 };
  return copy;
}

/**
 * In apps/v1 the template is a struct, not a pointer, so a manifest without one still decodes to
 * an (empty) template whose spec gets the pod defaults; validation then reports what is missing.
 */
function defaultTemplate(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const out: PodTemplateSpec = template ?? { spec: { containers: [] } };
  out.spec = defaultPodSpecInPlace(out.spec ?? { containers: [] });
  return out;
}

// ---------------------------------------------------------------------------------------------
// core/v1 Pod

/**
 * SetDefaults_PodSpec and the defaults of everything nested in it (containers, ports, probes).
 * Used for pods and for the templates of ReplicaSets and Deployments alike.
 */
export function setDefaultsPodSpec(spec: PodSpec): PodSpec {
  return defaultPodSpecInPlace(cloneJson(spec));
}

function defaultPodSpecInPlace(spec: PodSpec): PodSpec {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  spec.schedulerName ||= DEFAULT_SCHEDULER_NAME;
  spec.containers = (spec.containers ?? []).map(defaultContainerInPlace);
  return spec;
}

/** SetDefaults_Container plus the nested ContainerPort / Probe / HTTPGetAction defaults. */
function defaultContainerInPlace(c: Container): Container {
  c.imagePullPolicy ||= defaultPullPolicy(c.image);
  c.terminationMessagePath ||= DEFAULT_TERMINATION_MESSAGE_PATH;
  c.terminationMessagePolicy ||= 'File';
  if (c.ports) c.ports = c.ports.map(defaultContainerPortInPlace);
  if (c.livenessProbe) c.livenessProbe = defaultProbeInPlace(c.livenessProbe);
  if (c.readinessProbe) c.readinessProbe = defaultProbeInPlace(c.readinessProbe);
  return c;
}

function defaultContainerPortInPlace(p: ContainerPort): ContainerPort {
  p.protocol ||= 'TCP';
  return p;
}

/** SetDefaults_Probe: upstream tests `== 0`, so an explicit 0 is replaced too. */
function defaultProbeInPlace(p: Probe): Probe {
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  if (p.httpGet) p.httpGet = defaultHTTPGetInPlace(p.httpGet);
  return p;
}

/** SetDefaults_HTTPGetAction: path "/" and scheme HTTP. */
function defaultHTTPGetInPlace(h: HTTPGetAction): HTTPGetAction {
  h.path ||= '/';
  h.scheme ||= 'HTTP';
  return h;
}

/**
 * SetDefaults_Container's image pull policy: `Always` when the image's tag is `latest` (an image
 * with neither tag nor digest means `:latest`), `IfNotPresent` otherwise, including images that
 * do not parse as a reference (upstream ignores the parse error and sees an empty tag).
 */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  return imageTag(image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
}

// Grammar of github.com/distribution/reference (the parser behind parsers.ParseImageName).
const REF_DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const REF_DOMAIN = `(?:${REF_DOMAIN_COMPONENT}(?:\\.${REF_DOMAIN_COMPONENT})*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]+)?`;
const REF_PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REF_NAME = `(?:${REF_DOMAIN}/)?${REF_PATH_COMPONENT}(?:/${REF_PATH_COMPONENT})*`;
const REF_TAG = '[\\w][\\w.-]{0,127}';
const REF_DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE_RE = new RegExp(`^(${REF_NAME})(?::(${REF_TAG}))?(?:@(${REF_DIGEST}))?$`);

/** parsers.ParseImageName's tag: "" when the reference does not parse or has only a digest. */
function imageTag(image: string): string {
  const m = REFERENCE_RE.exec(image);
  if (!m || (m[1] ?? '').length > 255) return '';
  const tag = m[2] ?? '';
  const digest = m[3] ?? '';
  return tag === '' && digest === '' ? 'latest' : tag;
}

/**
 * SetDefaults_Pod: pod spec defaults, and requests copied from limits for every resource that has
 * a limit but no request (only for Pods, never for templates, so a ReplicaSet's template keeps
 * requests unset). A missing status becomes `{phase: 'Pending'}` (the pod strategy's
 * PrepareForCreate), so a just-created pod looks like the API server's.
 */
export function setDefaultsPod(p: Pod): Pod {
  const copy = cloneJson(p);
  copy.spec = defaultPodSpecInPlace(copy.spec ?? { containers: [] });
  for (const c of copy.spec.containers) {
    if (c.resources) c.resources = defaultRequestsFromLimits(c.resources);
  }
  copy.status ??= { phase: 'Pending' };
  return copy;
}

function defaultRequestsFromLimits(r: ResourceRequirements): ResourceRequirements {
  if (!r.limits) return r;
  return { ...r, requests: { ...r.limits, ...r.requests } };
}

// ---------------------------------------------------------------------------------------------
// core/v1 Service

/**
 * SetDefaults_Service: sessionAffinity None, type ClusterIP, and per port protocol TCP and
 * targetPort = port when it is missing, 0 or "".
 */
export function setDefaultsService(s: Service): Service {
  const copy = cloneJson(s);
  copy.spec ??= {};
  copy.spec.sessionAffinity ||= 'None';
  copy.spec.type ||= 'ClusterIP';
  if (copy.spec.ports) copy.spec.ports = copy.spec.ports.map(defaultServicePortInPlace);
  // What the API server fills in on a single-stack IPv4 cluster.
  if (copy.spec.type !== 'ExternalName') {
    copy.spec.ipFamilyPolicy ||= 'SingleStack';
    copy.spec.ipFamilies ??= ['IPv4'];
    copy.spec.internalTrafficPolicy ||= 'Cluster';
  }
  if (copy.spec.type === 'NodePort' || copy.spec.type === 'LoadBalancer')
    copy.spec.externalTrafficPolicy ||= 'Cluster';
  if (copy.spec.type === 'LoadBalancer') copy.spec.allocateLoadBalancerNodePorts ??= true;
  return copy;
}

function defaultServicePortInPlace(p: ServicePort): ServicePort {
  p.protocol ||= 'TCP';
  if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  return p;
}

// ---------------------------------------------------------------------------------------------

/** Defaults any object by kind; kinds without defaults here come back as a plain copy. */
export function setDefaults(obj: KubeObject): KubeObject {
  switch (obj.kind) {
    case 'Deployment':
      return setDefaultsDeployment(obj as Deployment);
    case 'ReplicaSet':
      return setDefaultsReplicaSet(obj as ReplicaSet);
    case 'Pod':
      return setDefaultsPod(obj as Pod);
    case 'Service':
      return setDefaultsService(obj as Service);
    default:
      return cloneJson(obj);
  }
}

/**
 * Deep copy of a JSON value. Objects are plain JSON (see types.ts), so this is enough; properties
 * whose value is `undefined` are dropped, as a JSON round trip through the API server would.
 */
function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneJson(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== undefined) out[k] = cloneJson(v);
  }
  return out as T;
}
