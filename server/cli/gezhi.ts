import { runGezhi } from './program.ts';

// The `gezhi` command as a process (bin/gezhi.js); the commands themselves are in program.ts.
process.exitCode = await runGezhi(process.argv.slice(2));
