// `npm run lint:security`: electronegativity over the desktop host and the renderer, failing on any
// finding of medium severity or above that security/accepted-findings.json does not list with a
// reason, and on any Content-Security-Policy that does not read cleanly: electronegativity reports a
// policy it cannot read only as LOW, and never reports syntax errors in one it can.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { policyProblems } from './contentSecurityPolicyCheck.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const accepted = JSON.parse(readFileSync(join(root, 'security/accepted-findings.json'), 'utf8'));
const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const policyModule = 'main/contract/contentSecurityPolicy.ts';
const { contentSecurityPolicy, metaContentSecurityPolicy } = await tsImport(`../${policyModule}`, import.meta.url);

// One tree with both sides, so checks that span the app (CSP, navigation limits) see all of it.
const scan = join(root, 'build/security-scan');
rmSync(scan, { recursive: true, force: true });
mkdirSync(join(scan, 'renderer'), { recursive: true });
cpSync(join(root, 'main'), join(scan, 'main'), { recursive: true, filter: (path) => !/\.test\.ts$|testing|fakeElectron/.test(path) });
cpSync(join(root, 'renderer/src'), join(scan, 'renderer/src'), { recursive: true, filter: (path) => !/\.test\.tsx?$/.test(path) });
// index.html as the build writes it (the plugin in renderer/vite.config.ts), policy included.
const page = readFileSync(join(root, 'renderer/index.html'), 'utf8');
if (!page.includes('<head>')) {
  console.error('renderer/index.html has no <head> for the Content-Security-Policy <meta> to go in.');
  process.exit(1);
}
writeFileSync(join(scan, 'renderer/index.html'), page.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}">`));

// In process rather than through its CLI: the CLI's CSV writer races its header against the rows and
// can overwrite the first finding, which is where the CSP finding always comes.
const electronegativity = require('@doyensec/electronegativity');
const { issues, errors } = await electronegativity({
  input: scan,
  isRelative: true,
  electronVersionOverride: electronVersion,
  customScan: [],
  excludeFromScan: [],
  parserPlugins: [],
});
const findings = issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  file: issue.file,
  location: `${issue.location.line}:${issue.location.column}`,
  sample: issue.sample,
  description: issue.description,
}));
writeFileSync(join(root, 'build/electronegativity.json'), `${JSON.stringify(findings, null, 2)}\n`);

const serious = findings.filter((finding) => severities.indexOf(finding.severity) >= severities.indexOf('MEDIUM'));
const unaccepted = serious.filter(
  (finding) => !accepted.some((entry) => entry.check === finding.check && (entry.file === '*' || entry.file === finding.file) && entry.reason?.length > 10),
);
console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${serious.length} medium or above, ${serious.length - unaccepted.length} accepted with a reason.`);
for (const finding of unaccepted) {
  console.error(`  ${finding.severity} ${finding.check} ${finding.file}:${finding.location} - ${finding.description}\n    ${finding.sample}`);
}
// A file it cannot parse is skipped without a finding, so it would pass unchecked.
const unread = errors.filter((error) => !error.tolerable);
for (const error of unread) console.error(`  electronegativity could not read ${error.file}, so nothing in it was checked: ${error.message}`);

// The policies the hosts send, and every policy electronegativity found in the scanned tree (its
// CSP_GLOBAL_CHECK carries the text it read, or nothing when it could not read one).
const policies = [
  { where: `${policyModule} (the header both hosts send)`, policy: contentSecurityPolicy, delivery: 'header' },
  { where: `${policyModule} (the <meta> in the built index.html)`, policy: metaContentSecurityPolicy, delivery: 'meta' },
  ...findings
    .filter((finding) => finding.check === 'CSP_GLOBAL_CHECK' && finding.file !== 'N/A')
    .map((finding) => ({ where: `${finding.file}:${finding.location}`, policy: finding.sample, delivery: finding.file.endsWith('.html') ? 'meta' : 'header' })),
];
let brokenPolicies = 0;
for (const { where, policy, delivery } of policies) {
  const problems =
    typeof policy === 'string'
      ? policyProblems(policy, delivery)
      : [`electronegativity found a policy here but could not read it (it reads string literals only), so nothing checked it. Take the policy from ${policyModule}, which this script checks, and set it as main/hosts/desktop/rendererProtocol.ts does.`];
  if (problems.length === 0) continue;
  brokenPolicies += 1;
  console.error(`  Content-Security-Policy in ${where} does not read cleanly:${typeof policy === 'string' ? `\n    ${policy}` : ''}`);
  for (const problem of problems) console.error(`    - ${problem}`);
}
console.log(`Content-Security-Policy: ${policies.length} checked, ${brokenPolicies} with problems.`);
process.exit(unaccepted.length > 0 || unread.length > 0 || brokenPolicies > 0 ? 1 : 0);
