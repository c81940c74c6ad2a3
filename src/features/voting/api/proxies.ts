/** The proxy resource: an owner's grants in a ballot, and those held. */
import type {
  HeldProxyList,
  ProxyGrantRequest,
  ProxyList,
  ProxyView,
} from '@/core/voting-api'
import { apiRequest } from '@/lib/api-client'

const ballotPath = (ballotId: string) =>
  `/ballots/${encodeURIComponent(ballotId)}/proxies`

export function listProxies(ballotId: string): Promise<ProxyList> {
  return apiRequest<ProxyList>('GET', ballotPath(ballotId))
}

export function grantProxy(
  ballotId: string,
  body: ProxyGrantRequest,
): Promise<ProxyView> {
  return apiRequest<ProxyView>('POST', ballotPath(ballotId), { body })
}

export function revokeProxy(proxyId: string): Promise<ProxyView> {
  return apiRequest<ProxyView>(
    'POST',
    `/proxies/${encodeURIComponent(proxyId)}/revoke`,
    { body: {} },
  )
}

export function listHeldProxies(): Promise<HeldProxyList> {
  return apiRequest<HeldProxyList>('GET', '/me/proxies-held')
}
