// `npm run lint:security`: electronegativity over the desktop host and the renderer, failing on any
// finding of medium severity or above that security/accepted-findings.json does not list with a
// reason. (electronegativity itself exits 0 whatever it finds, so its report is read here.)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const accepted = JSON.parse(readFileSync(join(root, 'security/accepted-findings.json'), 'utf8'));
const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

// One tree with both sides, so checks that span the app (CSP, navigation limits) see all of it.
const scan = join(root, 'build/security-scan');
rmSync(scan, { recursive: true, force: true });
mkdirSync(scan, { recursive: true });
cpSync(join(root, 'main'), join(scan, 'main'), { recursive: true, filter: (path) => !/\.test\.ts$|testing|fakeElectron/.test(path) });
cpSync(join(root, 'renderer/src'), join(scan, 'renderer/src'), { recursive: true, filter: (path) => !/\.test\.tsx?$/.test(path) });
cpSync(join(root, 'renderer/index.html'), join(scan, 'renderer/index.html'));

const report = join(root, 'build/electronegativity.csv');
const bin = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
const run = spawnSync(process.execPath, [bin, '-i', scan, '-e', electronVersion, '-r', '-o', report], { encoding: 'utf8' });
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}

function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

const findings = readFileSync(report, 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map(parseCsvLine)
  .map(([check, severity, confidence, file, location, sample, description]) => ({ check, severity, confidence, file, location, sample, description }));

const serious = findings.filter((finding) => severities.indexOf(finding.severity) >= severities.indexOf('MEDIUM'));
const unaccepted = serious.filter(
  (finding) => !accepted.some((entry) => entry.check === finding.check && (entry.file === '*' || entry.file === finding.file) && entry.reason?.length > 10),
);
console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${serious.length} medium or above, ${serious.length - unaccepted.length} accepted with a reason.`);
for (const finding of unaccepted) {
  console.error(`  ${finding.severity} ${finding.check} ${finding.file}:${finding.location} - ${finding.description}\n    ${finding.sample}`);
}
process.exit(unaccepted.length > 0 ? 1 : 0);
