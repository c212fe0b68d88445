/**
 * Strings of what the Run added to the screen: the Deployment's settings as they are now, blue/green
 * as visible steps, steps that wait for a condition, and the console's recorded steps.
 */
export const run = {
  'actions.now.rolling':
    'Now: RollingUpdate, maxSurge {surge}, maxUnavailable {unavailable}, minReadySeconds {minReady}, replicas {replicas}',
  'actions.now.recreate': 'Now: Recreate, replicas {replicas}',
  'bg.title': 'Blue/green',
  'bg.image': 'Version for green',
  'bg.none': 'Start a second Deployment beside {blue}; the Service keeps sending requests to blue.',
  'bg.starting': 'Waiting for {green}: {available} of {replicas} available.',
  'bg.ready': '{green} is ready. Switch the Service when you want: one selector change.',
  'bg.switched': 'The Service sends requests to {green}. {blue} still runs: you can switch back.',
  'bg.retired': 'The Service sends requests to {green}; blue has no pods left.',
  'bg.switch': 'Switch Service',
  'bg.switchBack': 'Switch back',
  'bg.retire': 'Scale {name} to 0',
  'console.after': 'when: {condition}',
  'console.waiting': 'waiting until: {condition}',
  'opening.label': 'Replaying the scenario to {t}',
  'opening.cancel': 'Cancel',
  'opening.left': '{left} to go at this pace',
  'opening.here': 'Open at {t} instead',
  'opening.underMinute': 'under a minute',
  'opening.minutes': 'about {m} min',
  'opening.hours': 'about {h} h',
  'opening.hoursMinutes': 'about {h} h {m} min',
  'share.problem.openCancelled': 'Opening was cancelled.',
};
