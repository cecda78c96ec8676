// Reads a Content-Security-Policy with the parser electronegativity uses (Google's csp-evaluator, its
// own copy), and reports what electronegativity lets through: syntax errors (an unknown directive, a
// keyword without its quotes, a missing semicolon) and serious weaknesses are at most LOW there.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const csp = createRequire(require.resolve('@doyensec/electronegativity/package.json'))('@doyensec/csp-evaluator');

const refused = new Set([csp.severities.SYNTAX, csp.severities.HIGH, csp.severities.MEDIUM]);
// A policy delivered by <meta> may not say these; browsers ignore them there.
const headerOnly = ['frame-ancestors', 'report-uri', 'sandbox'];

/** Why this policy would not do what it says, one sentence each; empty when it reads cleanly. */
export function policyProblems(policy, delivery = 'header') {
  if (typeof policy !== 'string' || policy.trim() === '') return ['There is no policy text.'];
  // Header values are one line of visible ASCII; anything else is cut or refused on the way.
  if (!/^[\x20-\x7e]+$/.test(policy)) return ['It has a line break or a character a header cannot carry.'];
  const names = policy.split(';').map((directive) => directive.trim().split(/\s+/)[0].toLowerCase()).filter(Boolean);
  const problems = names.filter((name, index) => names.indexOf(name) !== index).map((name) => `${name}: given twice; browsers use only the first.`);
  const parsed = new csp.CspParser(policy).csp;
  for (const finding of new csp.CspEvaluator(parsed, csp.Version.CSP3).evaluate()) {
    if (refused.has(finding.severity)) problems.push(`${finding.directive}: ${finding.description}`);
  }
  if (delivery === 'meta') {
    for (const name of headerOnly.filter((directive) => Object.hasOwn(parsed, directive))) problems.push(`${name}: not allowed in a <meta> policy.`);
  }
  return problems;
}
