#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader, so signals reach the server
// directly and the package works from source without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
