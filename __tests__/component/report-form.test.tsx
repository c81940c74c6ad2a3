import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'

import type { RepairCaseDetail } from '@/core/repairs-api'
import { connectSession, useSession } from '@/features/identity'
import { ReportForm, useReportDrafts } from '@/features/repairs'
import { useElderMode } from '@/features/settings'
import { choosePhotos, compressPhoto, platformUpload } from '@/platform/upload'
import { platformRequest } from '@/platform/request'

import { fail, installFakeApi, ok, type FakeApi } from '../support/fake-api'
import { ESTATE, NOW, OWNER, SESSION_EXPIRES } from '../support/fixtures'

jest.mock('@/platform/request', () => ({ platformRequest: jest.fn() }))
jest.mock('@/platform/upload', () => ({
  choosePhotos: jest.fn(),
  compressPhoto: jest.fn(),
  platformUpload: jest.fn(),
}))

const PLACES = `GET /api/estates/${ESTATE.id}/repair-places`
const REPORT = `POST /api/estates/${ESTATE.id}/repair-cases`

const PHOTO = {
  id: 'f-1',
  type: 'image/jpeg',
  size: 2048,
  sha256: 'ab'.repeat(32),
  uploadedAt: '2026-12-03T01:30:00Z',
  url: '/api/files/f-1/content?expires=1&sig=x',
}

const CASE = { id: 'R20261203-0001', state: 'submitted' } as RepairCaseDetail

let api: FakeApi

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
  connectSession(jest.fn())
  useSession.setState({
    token: 'tok',
    expiresAt: SESSION_EXPIRES,
    profile: OWNER,
  })
  useReportDrafts.setState({ drafts: {} })
  useElderMode.setState({ elder: false })
  api = installFakeApi(platformRequest as jest.Mock)
  api.on(
    PLACES,
    ok({
      estateId: ESTATE.id,
      buildings: ['1', '2', '3'],
      commonAreas: [
        { id: 'a-1', name: '中心花园' },
        { id: 'a-2', name: '地下车库' },
      ],
    }),
  )
  ;(compressPhoto as jest.Mock).mockImplementation(async (p: unknown) => p)
})

function choose(group: string, option: string) {
  const radios = screen.getByRole('radiogroup', { name: group })
  fireEvent.click(within(radios).getByRole('radio', { name: option }))
}

async function fillReport() {
  await screen.findByRole('radiogroup', { name: '问题类别' })
  choose('问题类别', '给排水')
  choose('问题位置', '公共区域')
  choose('哪一处公共区域', '地下车库')
  // Taro's textarea gets its label once the custom element has loaded.
  fireEvent.input(await screen.findByLabelText('描述'), {
    target: { value: '车库B区顶板渗水' },
  })
}

describe('the report form', () => {
  it('names every missing field before sending anything', async () => {
    render(
      <ReportForm
        profile={OWNER}
        estateId={ESTATE.id}
        onReported={jest.fn()}
      />,
    )
    await screen.findByRole('radiogroup', { name: '问题类别' })
    fireEvent.click(screen.getByRole('button', { name: '确认提交报修' }))

    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      '请选择问题类别',
      '请选择问题所在位置',
      '请描述问题',
    ])
    expect(api.callsTo(REPORT)).toHaveLength(0)
  })

  it('offers the owner’s unit, and sends a report with a photo once, retrying with the same key', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    ;(choosePhotos as jest.Mock).mockResolvedValue({
      photos: [{ path: 'blob:1', size: 4096, type: 'image/jpeg' }],
      refused: [],
    })
    ;(platformUpload as jest.Mock).mockImplementation(
      async (req: { onProgress?: (p: number) => void }) => {
        req.onProgress?.(50)
        return { status: 201, data: PHOTO }
      },
    )
    api.on(REPORT, 'network-error', ok(CASE, 201))
    const onReported = jest.fn()
    render(
      <ReportForm
        profile={OWNER}
        estateId={ESTATE.id}
        onReported={onReported}
      />,
    )
    await fillReport()
    expect(
      within(screen.getByRole('radiogroup', { name: '问题位置' })).getByRole(
        'radio',
        { name: '我家' },
      ),
    ).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: /添加照片/ }))
    expect(
      await screen.findByRole('list', { name: '照片，已添加 1 张' }),
    ).toBeInTheDocument()
    expect(
      screen.getByRole('button', { name: '添加照片，已添加 1 张，最多 9 张' }),
    ).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '确认提交报修' }))
    expect(await screen.findByText('网络连接失败')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '重新提交' }))
    await waitFor(() => expect(onReported).toHaveBeenCalledWith(CASE))

    const sends = api.callsTo(REPORT)
    expect(sends).toHaveLength(2)
    expect(sends[0].headers['idempotency-key']).toHaveLength(32)
    expect(sends[1].headers['idempotency-key']).toBe(
      sends[0].headers['idempotency-key'],
    )
    expect(sends[0].body).toEqual({
      category: 'water-drains',
      place: { kind: 'common-area', commonAreaId: 'a-2' },
      description: '车库B区顶板渗水',
      urgency: 'normal',
      photoIds: ['f-1'],
    })
    expect(useReportDrafts.getState().drafts).toEqual({})
  })

  it('keeps the draft when the form is left and opened again', async () => {
    const first = render(
      <ReportForm
        profile={OWNER}
        estateId={ESTATE.id}
        onReported={jest.fn()}
      />,
    )
    await fillReport()
    first.unmount()
    // Taro's H5 storage wraps each value as { data }.
    const stored = JSON.parse(
      localStorage.getItem('linli.report-drafts') ?? '{}',
    ) as { data: string }
    expect(JSON.parse(stored.data)).toMatchObject({
      state: {
        drafts: { [ESTATE.id]: { description: '车库B区顶板渗水' } },
      },
    })

    render(
      <ReportForm
        profile={OWNER}
        estateId={ESTATE.id}
        onReported={jest.fn()}
      />,
    )
    expect(await screen.findByLabelText('描述')).toHaveValue('车库B区顶板渗水')
    expect(
      screen.getByRole('radio', { name: '地下车库', checked: true }),
    ).toBeInTheDocument()
  })

  it('says which photos were refused and why', async () => {
    ;(choosePhotos as jest.Mock).mockResolvedValue({
      photos: [],
      refused: [
        { refusal: 'size', count: 2 },
        { refusal: 'type', count: 1 },
      ],
    })
    render(
      <ReportForm
        profile={OWNER}
        estateId={ESTATE.id}
        onReported={jest.fn()}
      />,
    )
    await screen.findByRole('radiogroup', { name: '问题类别' })
    fireEvent.click(screen.getByRole('button', { name: /添加照片/ }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '2 张没有添加：单个文件不能超过 5 MB；1 张没有添加：只能上传JPG 图片、PNG 图片、WebP 图片',
    )
  })

  it('shows the backend’s refusal of an upload by content', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    ;(choosePhotos as jest.Mock).mockResolvedValue({
      photos: [{ path: 'blob:2', size: 100 }],
      refused: [],
    })
    ;(platformUpload as jest.Mock).mockResolvedValue(
      fail('FILE_TYPE_NOT_ALLOWED'),
    )
    render(
      <ReportForm
        profile={OWNER}
        estateId={ESTATE.id}
        onReported={jest.fn()}
      />,
    )
    await screen.findByRole('radiogroup', { name: '问题类别' })
    fireEvent.click(screen.getByRole('button', { name: /添加照片/ }))
    expect(await screen.findByText('文件类型不支持')).toBeInTheDocument()
    expect(
      screen.getByRole('list', { name: '照片，已添加 0 张' }),
    ).toBeInTheDocument()
  })

  it('reads the report back before sending in elder mode', async () => {
    useElderMode.setState({ elder: true })
    render(
      <ReportForm
        profile={OWNER}
        estateId={ESTATE.id}
        onReported={jest.fn()}
      />,
    )
    await fillReport()
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对报修' }))
    const items = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(items.map((i) => i.textContent)).toEqual([
      '类别：给排水',
      '位置：地下车库',
      '描述：车库B区顶板渗水',
      '照片：0 张',
      '紧急程度：一般',
    ])
    expect(api.callsTo(REPORT)).toHaveLength(0)
  })
})
