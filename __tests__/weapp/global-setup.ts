import { ensureBuild } from '../../scripts/ensure-build'

// The boot test loads the real build; make it if the sources changed.
export default async function globalSetup(): Promise<void> {
  ensureBuild('weapp')
}
