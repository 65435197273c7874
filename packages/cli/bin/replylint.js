#!/usr/bin/env node
// The bundle loads in one read instead of ~150 module resolutions: it halves cold start.
import { main } from '../dist/cli.bundle.js';

// A reader that stops early (`replylint macros/ | head`) closes the pipe: stop without a stack
// trace, with the status of a Unix tool ended by SIGPIPE (128 + 13) unless the run had finished.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 141);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
