export function unquoteExpressionIndexes(sql: string): string;
