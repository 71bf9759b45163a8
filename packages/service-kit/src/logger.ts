import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

export type { Logger };

const CENSOR = '[redacted]';

// Twelve digits not part of a longer number, wherever they stand (`tru020323000798` hides one too):
// an id or key that happens to hold twelve digits in a row is masked as well, which costs a log reader
// little and never lets a number through.
const PERSONAL_NUMBER = /(?<!\d)\d{12}(?!\d)/g;

/** Masks personal identification numbers in text (a log line, an error message quoting its input). */
export const maskPersonalNumbers = (text: string) => text.replace(PERSONAL_NUMBER, CENSOR);

/**
 * Structured JSON logs on stdout (or `destination`, for tests), one line an event, tagged with the
 * service name. Request bodies and variables are never logged; personal numbers are masked wherever
 * they appear, including in error messages that quote the input they failed on.
 */
export function createLogger(
  service: string,
  level: LevelWithSilent = 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'personalId', '*.personalId', 'body', '*.body', 'variables', '*.variables'],
      censor: CENSOR,
    },
    // The last line of defence, over the whole line: whatever field a number hides in.
    hooks: { streamWrite: maskPersonalNumbers },
  };
  return destination ? pino(options, destination) : pino(options);
}
