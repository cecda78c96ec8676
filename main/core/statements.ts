import type Database from 'better-sqlite3';

// Statements run inside every change (the forecast of each touched part) are prepared once per
// database connection: preparing costs as much as running them.

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(client: Database.Database, sql: string): Database.Statement {
  let statements = byConnection.get(client);
  if (!statements) byConnection.set(client, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = client.prepare(sql)));
  return statement;
}
