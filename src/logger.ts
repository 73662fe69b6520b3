import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Personal data never goes in: log ids, counts and
 * field names, never names, notes or free text about a participant.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'flightpath' }, redact: ['req.headers.authorization'] }, destination);
}

export const silentLogger: Logger = pino({ level: 'silent' });
