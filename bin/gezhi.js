#!/usr/bin/env node
// The `gezhi` command runs the TypeScript sources directly: nothing needs building first.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/gezhi.ts');
