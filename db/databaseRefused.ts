/** Why a database was refused at start-up; the message tells the person what to do. */
export class DatabaseRefused extends Error {
  constructor(
    readonly reason: 'not-a-database' | 'corrupt' | 'newer' | 'in-use',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseRefused';
  }
}
