/** An error kubectl would print as is (its message already has kubectl's wording). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly reason:
      | 'NotFound'
      | 'AlreadyExists'
      | 'Invalid'
      | 'BadRequest'
      | 'Conflict'
      | 'Forbidden'
      | 'InternalError' = 'BadRequest',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * A simulator limit (not Kubernetes'): the work one command or one instant asked for is more than
 * the simulator does at once, so the command is refused and changes nothing. The message is
 * kubectl's `error: …` line without the `error: ` prefix.
 */
export class BudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

/** `restore()` was given something that is not a snapshot of this simulator; nothing changed. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(`restore: not a snapshot of this simulator: ${message}`);
    this.name = 'SnapshotError';
  }
}
