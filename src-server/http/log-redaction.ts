import type { FastifyServerOptions } from 'fastify';

/**
 * Request parts that carry secrets or personal data, never written to the
 * log: the bearer token, cookies, and what a proxy adds about the person.
 * Bodies are never logged (Fastify does not, and the error log below only
 * describes failures).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-forwarded-for"]',
  'req.headers["x-real-ip"]',
  'res.headers["set-cookie"]',
];

type LoggerOption = FastifyServerOptions['logger'];

/** The caller's logger settings (level, destination) with the redaction list always added. */
export function redactingLogger(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return { ...base, redact: { paths: REDACTED_PATHS, censor: '[masqué]' } };
}

/**
 * A failure as it may be logged: its kind, its SQLSTATE or Node code, and
 * where it happened — not its message nor its fields. A database error's
 * message and detail quote values ("Key (name)=(Dupont) already exists"),
 * and the embedded engine's errors carry the whole query with its
 * parameters (names, e-mails, phones of clients).
 */
export function describeError(error: unknown): { type: string; code?: string; stack?: string[] } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim());
  return { type: error.constructor.name, ...(typeof code === 'string' ? { code } : {}), ...(frames ? { stack: frames.slice(0, 12) } : {}) };
}
