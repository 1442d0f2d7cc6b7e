#!/usr/bin/env node
// The `rapport` command: runs the TypeScript CLI through tsx (the server ships no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
