import { describe, expect, it } from 'vitest';
import { policyProblems } from '../../../scripts/contentSecurityPolicyCheck.mjs';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../contract/contentSecurityPolicy';

// The reader `npm run lint:security` applies to every policy, which electronegativity alone would pass.
describe('the content security policy', () => {
  it('reads cleanly as the header both hosts send and as the <meta> in index.html', () => {
    expect(policyProblems(contentSecurityPolicy, 'header')).toEqual([]);
    expect(policyProblems(metaContentSecurityPolicy, 'meta')).toEqual([]);
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(metaContentSecurityPolicy).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ''));
  });

  it('is refused when broken in ways electronegativity lets through', () => {
    const broken = {
      'a keyword without its closing quote': "default-src 'self'; script-src 'self; object-src 'none'",
      'a missing semicolon': "default-src 'self' script-src 'self'; object-src 'none'",
      'a misspelt directive': "defualt-src 'self'; script-src 'self'; object-src 'none'",
      'a directive given twice': "script-src 'self'; script-src 'unsafe-inline'; object-src 'none'",
      'inline scripts allowed': "script-src 'self' 'unsafe-inline'; object-src 'none'",
      'a line break': "script-src 'self';\nobject-src 'none'",
      'no text at all': '',
    };
    for (const [flaw, policy] of Object.entries(broken)) expect(policyProblems(policy), flaw).not.toEqual([]);
    expect(policyProblems(contentSecurityPolicy, 'meta')).toEqual(['frame-ancestors: not allowed in a <meta> policy.']);
  });
});
