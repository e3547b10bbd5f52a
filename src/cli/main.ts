#!/usr/bin/env node
// stocksync-db command line entry (commands land with the CLI issue).
console.log('stocksync-db');
