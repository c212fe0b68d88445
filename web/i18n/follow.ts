/** Strings of following a Kubernetes API (web/follow). */
export const follow = {
  'follow.connect': 'Connect',
  'follow.connectHint': 'Watch a namespace of a Kubernetes API (a real cluster through kubectl proxy)',
  'follow.title': 'Follow a Kubernetes API',
  'follow.following': 'Following {ns} at {url}',
  'follow.live': 'live',
  'follow.behind': 'scrubbed back',
  'follow.toLive': 'Back to live',
  'follow.disconnect': 'Disconnect',
  'follow.stopped': 'Stopped following: {error}',
  'follow.retrying': 'Connection lost, trying again: {message}',
  'follow.missing': 'Not shown ({kinds}): this user may not read them, or the server does not serve them.',
  'follow.readOnly':
    'Following {ns} read-only: nothing here writes to the cluster. Change it with your own kubectl; Disconnect returns to the lab.',
  'follow.readOnlyShort': 'Not while following a cluster (read-only): Disconnect first',
  'follow.noDecisions':
    'A followed cluster’s controllers do not say why they act: its Events show what they did.',
};
