/**
 * `npm start`: the product on one port. Builds the H5 app when its build is
 * missing or stale, then starts the mock backend, which serves the app and
 * the API from its embedded store and prints the sign-in details of the
 * seeded test accounts.
 */
import { main } from '../mock-server/main'
import { ensureBuild } from './ensure-build'

ensureBuild('h5')
main().catch((error: unknown) => {
  console.error('[start] the mock backend did not start', error)
  process.exit(1)
})
