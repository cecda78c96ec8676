/** Why this policy would not do what it says, one sentence each; empty when it reads cleanly. */
export function policyProblems(policy: unknown, delivery?: 'header' | 'meta'): string[];
