import { View } from '@tarojs/components'

import { a11y } from '@/lib/ui'

import { useElderMode } from '../elder-mode-store'
import './elder-mode-switch.scss'

/** The 长辈模式 switch, with its state in words as well as position. */
export function ElderModeSwitch() {
  const elder = useElderMode((s) => s.elder)
  const setElder = useElderMode((s) => s.setElder)
  return (
    <View
      className="elder-switch"
      onClick={() => setElder(!elder)}
      {...a11y({
        role: 'switch',
        label: '长辈模式',
        checked: elder,
        focusable: true,
      })}
    >
      <View className="elder-switch__text">
        <View className="elder-switch__name">长辈模式</View>
        <View className="elder-switch__hint">
          大字体、高对比度，表决时一屏只做一件事
        </View>
      </View>
      <View className="elder-switch__state">{elder ? '已开启' : '已关闭'}</View>
      <View
        className={`elder-switch__knob${elder ? ' elder-switch__knob--on' : ''}`}
        aria-hidden="true"
      />
    </View>
  )
}
