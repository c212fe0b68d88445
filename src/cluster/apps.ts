/**
 * The simulated applications behind container images (DESIGN.md §4):
 *
 * | image                         | behaviour                                                       |
 * |-------------------------------|-----------------------------------------------------------------|
 * | luksa/kubia:v1, v2, v4        | "This is vN running in pod NAME", always 200                    |
 * | luksa/kubia:v3                | HTTP 500 from its fifth request on, per container run           |
 * | any tag ending in `-crash`    | starts, exits with code 1 a second later: CrashLoopBackOff      |
 * | any tag ending in `-missing`  | the image cannot be pulled: ErrImagePull, then ImagePullBackOff |
 * | anything else                 | 200 with its tag                                                |
 *
 * A scenario may describe its own images under `spec.apps` (see AppBehaviour): start-up time,
 * failing after N requests or after T seconds, shutdown time, crashing, missing. A container's own
 * `command` or `args` may end before any of that (program.ts: `date`, `sleep 30`, a shell image
 * run without one).
 */

export interface AppBehaviour {
  /** Seconds from container start until the app accepts connections. */
  startupSeconds: number;
  /** Answers 500 from request number failAfterRequests + 1 on (counted per container run). */
  failAfterRequests?: number;
  /** Answers 500 once it has run this many seconds. */
  failAfterSeconds?: number;
  /** Seconds the app needs to exit after SIGTERM (capped by terminationGracePeriodSeconds). */
  shutdownSeconds?: number;
  /** Exits with code 1 this many seconds after starting (a crash loop). */
  crashAfterSeconds?: number;
  /** The image does not exist in the registry. */
  missing?: boolean;
}

export interface AppResponse {
  status: number;
  body: string;
}

/** The tag of an image reference (`luksa/kubia:v2` → `v2`; no tag → `latest`). */
export function imageTag(image: string): string {
  const last = image.slice(image.lastIndexOf('/') + 1);
  const at = last.indexOf('@');
  const base = at >= 0 ? last.slice(0, at) : last;
  const colon = base.lastIndexOf(':');
  return colon >= 0 ? base.slice(colon + 1) : 'latest';
}

/** The image without tag or digest, with the default registry spelled out (`docker.io/luksa/kubia`). */
export function imageRepository(image: string): string {
  let repo = repositories.get(image);
  if (repo === undefined) {
    // Asked for every request served and every pod synced, of a handful of images.
    if (repositories.size >= 1024) repositories.clear();
    repo = repositoryOf(image);
    repositories.set(image, repo);
  }
  return repo;
}

const repositories = new Map<string, string>();

function repositoryOf(image: string): string {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const repo = colon > slash ? noDigest.slice(0, colon) : noDigest;
  const first = repo.split('/')[0]!;
  const hasRegistry =
    repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return repo;
  return repo.includes('/') ? `docker.io/${repo}` : `docker.io/library/${repo}`;
}

export function appBehaviour(image: string, custom?: Record<string, Partial<AppBehaviour>>): AppBehaviour {
  const own = custom?.[image];
  return { ...builtIn(image), ...(own ?? {}) };
}

/** What an image does without a scenario's own `apps` entry, worked out once per image. */
const builtIns = new Map<string, Readonly<AppBehaviour>>();

function builtIn(image: string): Readonly<AppBehaviour> {
  let base = builtIns.get(image);
  if (!base) {
    const tag = imageTag(image);
    const b: AppBehaviour = { startupSeconds: 0 };
    if (/^(docker\.io\/)?luksa\/kubia:v3$/.test(image)) b.failAfterRequests = 4;
    if (tag.endsWith('-crash')) b.crashAfterSeconds = 1;
    if (tag.endsWith('-missing')) b.missing = true;
    base = Object.freeze(b);
    if (builtIns.size > 10_000) builtIns.clear();
    builtIns.set(image, base);
  }
  return base;
}

/** The HTTP status of `respond`'s answer, without its body (what a client request needs). */
export function responseStatus(app: AppBehaviour, requestNumber: number, uptime: number): 200 | 500 {
  return (app.failAfterRequests !== undefined && requestNumber > app.failAfterRequests) ||
    (app.failAfterSeconds !== undefined && uptime >= app.failAfterSeconds)
    ? 500
    : 200;
}

/**
 * What the app answers to its `requestNumber`-th request (1-based) after running `uptime` seconds.
 */
export function respond(
  image: string,
  app: AppBehaviour,
  podName: string,
  requestNumber: number,
  uptime: number,
): AppResponse {
  if (responseStatus(app, requestNumber, uptime) === 500)
    return { status: 500, body: 'Some internal error has occurred! This is pod ' + podName };
  const tag = imageTag(image);
  if (/^(docker\.io\/)?luksa\/kubia:/.test(image))
    return { status: 200, body: `This is ${tag} running in pod ${podName}` };
  return { status: 200, body: `${tag} running in pod ${podName}` };
}
