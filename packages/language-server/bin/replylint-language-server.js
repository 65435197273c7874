#!/usr/bin/env node
// replylint-language-server --stdio (or --node-ipc, --socket=<port>, --pipe=<name>)
import '../dist/main.js';
