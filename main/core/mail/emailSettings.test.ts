import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';

let app: TestRuntime;
beforeEach(async () => {
  app = await openTestRuntime();
});
afterEach(() => app.close());

describe('email settings', () => {
  it('tell the administrator how this host protects the stored SMTP password', async () => {
    const protection = {
      keychain: false,
      description: "Encrypted with a key file (secret.key) in Stockbell's data folder: anyone who can read that folder can read the password.",
    };
    expect((await app.call('settings.email.get', {})).passwordProtection).toEqual(protection);
    const saved = await app.call('settings.email.update', {
      enabled: false,
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      username: 'stock',
      password: 'hunter2-secret',
      sender: 'stock@example.com',
      instanceName: 'Workshop',
    });
    expect(saved.passwordProtection).toEqual(protection);
  });
});
