import { describe, expect, it } from 'vitest';
import { unquoteExpressionIndexes } from './db-generate.mjs';

describe('npm run db:generate', () => {
  it('writes an expression index back as an expression, and leaves column indexes alone', () => {
    expect(unquoteExpressionIndexes('CREATE INDEX `parts_name` ON `parts` (`"name" collate nocase`);')).toBe(
      'CREATE INDEX `parts_name` ON `parts` ("name" collate nocase);',
    );
    expect(unquoteExpressionIndexes('CREATE UNIQUE INDEX `users_username_unique` ON `users` (`lower("username")`);')).toBe(
      'CREATE UNIQUE INDEX `users_username_unique` ON `users` (lower("username"));',
    );
    const plain = 'CREATE INDEX `parts_category` ON `parts` (`category_id`);';
    expect(unquoteExpressionIndexes(plain)).toBe(plain);
  });
});
