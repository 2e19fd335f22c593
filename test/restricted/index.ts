/**
 * Mocha entry of the Restricted Mode suite: the extension host of a second code-server, started by
 * scripts/test.sh with workspace trust enabled on an untrusted copy of test/fixtures/restricted, loads this as
 * `extensionTestsPath`. The same runner as the integration suite, over this folder's tests only.
 */
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname, 'restricted');
}
