/** A structured log record. Never put keys, identity secrets or user hashes in one. */
export type LogFields = Record<string, unknown>;

/**
 * Where the server writes structured logs. Pass your own (pino, console) or
 * {@link silentLogger} in tests.
 */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Options for {@link createJsonLogger}. */
export interface JsonLoggerOptions {
  /**
   * Where each JSON line goes.
   * @default (line) => process.stdout.write(line + '\n')
   */
  write?: (line: string) => void;
  /**
   * Drop `info` lines (keeps warnings and errors).
   * @default false
   */
  quiet?: boolean;
}

/**
 * A logger writing one JSON object per line: `{ time, level, msg, ...fields }`.
 *
 * @example
 * const logger = createJsonLogger({ quiet: true });
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const emit = (level: string, msg: string, fields: LogFields = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  return {
    info: (msg, fields) => {
      if (!options.quiet) emit('info', msg, fields);
    },
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}

/** A logger that drops everything. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
