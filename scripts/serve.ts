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
    `  API docs:    ${running.publicUrl}/docs`,
    `  Coach pages: ${running.publicUrl}/  (sign in with the demo coach token)`,
    running.demoCoachToken ? `  Demo coach token (org "demo"): ${running.demoCoachToken}` : '',
    `  Database:    ${config.DATABASE_PATH}`,
    '',
  ].join('\n') + '\n',
);

// `npm start` execs node (package.json), so npm's forwarded SIGTERM and a
// service manager's SIGTERM both land here: finish requests, drain the
// outbox, close the database, exit 0. A second signal while that runs is
// not caught again, so it ends the process at once.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'signal received');
    running.shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
