// The dependency audit step of CI: fails on a high or critical advisory against any installed package, and says
// plainly when the advisory service cannot be reached from this machine (then nothing was checked).
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report = null;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why = report?.message ?? run.error?.message ?? (run.stderr.trim().split('\n').at(-1) || 'no answer');
  console.log(`dependency audit: NOT CHECKED — the advisory service could not be reached (${why})`);
  process.exit(0);
}
const serious = Object.entries(report.vulnerabilities ?? {})
  .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
  .map(([name, v]) => `${name} (${v.severity}${v.fixAvailable ? ', fix available' : ''})`);
console.log(
  `dependency audit: ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low`,
);
if (serious.length) {
  console.log(`packages with high or critical advisories: ${serious.join(', ')}`);
  process.exit(1);
}
