import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { startServer } from '../src/server.ts';

// `npm start`: the service on the embedded default (SQLite file + FTS5).
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const running = await startServer(config, logger);

process.stdout.write(
  [
    '',
    `flightpath is running at ${running.url}`,
    `  API docs:    ${running.url}/docs`,
    `  Coach pages: ${running.url}/  (sign in with the demo coach token)`,
    running.demoCoachToken ? `  Demo coach token (org "demo"): ${running.demoCoachToken}` : '',
    `  Database:    ${config.DATABASE_PATH}`,
    '',
  ].join('\n') + '\n',
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    running.shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
