import { render, screen } from '@testing-library/react'

import { ResultBody } from '@/features/voting/components/ballot-result'
import { ItemResultView } from '@/features/voting/components/result-bars'
import type { BallotResult, ItemResult } from '@/core/voting-api'

const ITEM: ItemResult = {
  itemId: 'i-1',
  seq: 1,
  title: '将 12 号楼北侧绿地改建为停车位',
  matter: 'special',
  totals: { area: '300.00', headcount: 3 },
  participating: { area: '200.00', headcount: 2 },
  agree: { area: '150.00', headcount: 1 },
  oppose: { area: '50.00', headcount: 1 },
  abstain: { area: '0.00', headcount: 0 },
  quorum: true,
  approved: false,
  quorumThreshold: {
    numerator: 2,
    denominator: 3,
    inclusive: true,
    label: '三分之二以上',
  },
  approvalThreshold: {
    numerator: 3,
    denominator: 4,
    inclusive: true,
    label: '四分之三以上',
  },
}

describe('an item’s result', () => {
  it('says in words whether it passed and which step it failed', () => {
    render(<ItemResultView result={ITEM} />)
    expect(screen.getByRole('status')).toHaveTextContent(
      '✗ 未通过：同意的未达到四分之三以上',
    )
  })

  it('holds each measure against its legal line, exactly at the bound', () => {
    render(<ItemResultView result={ITEM} />)
    // 200 of 300 is exactly 2/3: 以上 includes it.
    expect(
      screen.getByRole('progressbar', { name: /^参与面积/ }),
    ).toHaveAttribute(
      'aria-label',
      '参与面积：200.00 平方米，占 总面积 300.00 平方米 的 66.7%，已达到三分之二以上',
    )
    // 150 of 200 is exactly 3/4: reached by area…
    expect(
      screen.getByRole('progressbar', { name: /^同意面积/ }),
    ).toHaveAttribute(
      'aria-label',
      '同意面积：150.00 平方米，占 参与面积 200.00 平方米 的 75.0%，已达到四分之三以上',
    )
    // …but 1 of 2 people is not 3/4: so the item fails.
    expect(
      screen.getByRole('progressbar', { name: /^同意人数/ }),
    ).toHaveAttribute(
      'aria-label',
      '同意人数：1 人，占 参与人数 2 人 的 50.0%，未达到四分之三以上',
    )
  })

  it('lists agree, oppose and abstain by area and headcount', () => {
    render(<ItemResultView result={ITEM} />)
    const rows = screen.getAllByRole('listitem')
    expect(rows.map((row) => row.textContent)).toEqual([
      '同意150.00 平方米1 人',
      '反对50.00 平方米1 人',
      '弃权0.00 平方米0 人',
    ])
  })

  it('blames the quorum when too few took part', () => {
    render(
      <ItemResultView
        result={{
          ...ITEM,
          matter: 'ordinary',
          participating: { area: '199.99', headcount: 2 },
          quorum: false,
          approved: false,
        }}
      />,
    )
    expect(screen.getByRole('status')).toHaveTextContent(
      '✗ 未通过：参与表决的业主未达到三分之二',
    )
  })
})

describe('a ballot’s result', () => {
  it('says how many votes came by proxy and who published it', () => {
    const result: BallotResult = {
      ballotId: 'b-1',
      title: '改建停车位',
      phase: 'published',
      closesAt: '2026-12-06T06:30:00Z',
      publishedAt: '2026-12-09T06:30:00Z',
      publishedBy: 'deadline',
      turnout: {
        totals: { area: '300.00', headcount: 3 },
        participating: { area: '200.00', headcount: 2 },
        quorum: true,
      },
      votes: 2,
      proxyVotes: 1,
      supersededVotes: 0,
      items: [
        { ...ITEM, approved: true, agree: { area: '200.00', headcount: 2 } },
      ],
    }
    render(<ResultBody result={result} />)
    expect(
      screen.getByText('共 2 户投票，其中 1 户由代理人投票'),
    ).toBeInTheDocument()
    expect(
      screen.getByText(
        '结果公布：2026年12月9日 14:30（截止后 3 日内无人公布，系统按期公布）',
      ),
    ).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('✓ 通过')
  })
})
