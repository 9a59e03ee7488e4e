import { describe, expect, it } from 'vitest';
import { assertTestDatabaseName } from './test-database-guard.js';

describe('the test set-up resets only test databases', () => {
  it('accepts names that mark a test database', () => {
    for (const name of ['test', 'test_house', 'par_test', 'TEST_ci', 'par-inspect-tests']) expect(() => assertTestDatabaseName(name)).not.toThrow();
  });

  it('refuses any other name, saying why', () => {
    for (const name of ['par_inspect', 'postgres', 'production', 'tes_t', '']) {
      expect(() => assertTestDatabaseName(name)).toThrow(/Refusing to reset database .*does not mark it as a test database/);
    }
  });
});
