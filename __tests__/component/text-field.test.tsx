import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'

import { TextField } from '@/lib/ui'

function Title() {
  const [value, setValue] = useState('')
  return (
    <TextField
      id="title"
      label="标题"
      value={value}
      onChange={setValue}
      maxlength={10}
    />
  )
}

describe('a text field with a length limit', () => {
  // Found by trying the app: a pasted title lost its end without a word.
  it('keeps text past the limit and says how much to remove', async () => {
    render(<Title />)
    const input = await screen.findByRole('textbox', { name: '标题' })
    fireEvent.input(input, {
      target: { value: '一二三四五六七八九十十一十二' },
    })

    expect(input).toHaveValue('一二三四五六七八九十十一十二')
    expect(
      screen.getByText('最多 10 个字，已超出 4 个，请删减'),
    ).toBeInTheDocument()
  })
})
