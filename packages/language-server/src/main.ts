/**
 * Start the server on the transport named on the command line: `--stdio`, `--node-ipc`,
 * `--socket=<port>` or `--pipe=<name>`.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { ResyncingFraming } from './framing.js';
import { startServer } from './server.js';

function stdioConnection(): Connection {
  const input = process.stdin.pipe(new ResyncingFraming());
  const connection = createConnection(ProposedFeatures.all, input, process.stdout);
  input.on('skipped', (bytes: number) => connection.console.error(`skipped ${bytes} bytes of malformed input`));
  // stdout carries the protocol: anything printed goes to the client's log instead.
  const print = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => connection.console[level](format(...args));
  Object.assign(console, { log: print('log'), info: print('info'), debug: print('log'), warn: print('warn'), error: print('error') });
  return connection;
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
// A bug in one lint run must not take the editor's warnings down with it.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));
startServer(connection);
