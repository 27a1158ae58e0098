#!/usr/bin/env node
// The `policy-graph` executable (package.json "bin"). The project runs its TypeScript through tsx, so this
// registers tsx's loader and then runs the command line itself, src/cli/bin.ts.
import { register } from 'tsx/esm/api';

register();
await import('./bin.ts');
