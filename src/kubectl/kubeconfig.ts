/**
 * The name of the cluster, the context and the user in the kubeconfig `npm run serve` writes
 * (src/server/server.ts). client-go names the user in some of its messages, and the page's kubectl
 * says what the real one says against the served simulator.
 */
export const KUBECONFIG_NAME = 'rollout-lab';
