import { ensureBuild } from '../../scripts/ensure-build'

// Browser tests drive the real H5 build; make it if the sources changed.
export default async function globalSetup(): Promise<void> {
  ensureBuild('h5')
}
