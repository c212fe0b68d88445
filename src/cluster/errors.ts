/** An error kubectl would print as is (its message already has kubectl's wording). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly reason:
      'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Conflict' | 'Forbidden' = 'BadRequest',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
