/**
 * The few errors of the system, each with a stable code. User mistakes are not errors: handlers answer them
 * politely. An AppError means the system could not do its job (database unreachable, platform refused).
 */
export type AppErrorCode = "database_unavailable" | "queue_unavailable" | "internal";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}
