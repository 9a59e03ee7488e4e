/**
 * The test set-up drops and recreates the public schema of the DATABASE_URL database. Pointed by
 * mistake at a real one (a production URL left in the shell), it would erase it: it refuses any
 * database whose name does not say it is for tests.
 */
export function assertTestDatabaseName(name: string): void {
  if (!/test/i.test(name)) {
    throw new Error(
      `Refusing to reset database "${name}": the tests drop its schema, and its name does not mark it as a test database. ` +
        'Point DATABASE_URL at a database whose name contains "test" (e.g. createdb test_par).',
    );
  }
}
