/**
 * The Kubernetes release the simulator imitates: kubectl 1.33.1's build, and a cluster of the
 * same release (its API server's `/version`, what `kubectl version` says of the server, the
 * kubelets' version on each Node). A release's binaries share its commit and build date.
 */
export const KUBERNETES_VERSION = 'v1.33.1';
export const KUSTOMIZE_VERSION = 'v5.6.0';

/** version.Info of the release, fields in its struct order (the order `-o json` prints them in). */
export function versionInfo() {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split('.') as [string, string];
  return {
    major,
    minor,
    gitVersion: KUBERNETES_VERSION,
    gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
    gitTreeState: 'clean',
    buildDate: '2025-05-15T08:27:33Z',
    goVersion: 'go1.24.2',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
