#!/usr/bin/env node
// The `station` command. The core is TypeScript run through tsx's loader, so the CLI, the tests
// and the Electron bundle all run the same source with no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/core/cli/main.ts');
