/**
 * What a red circuit means and what to do, per alarm type, in Chinese and English: the meaning in one line,
 * the checks in order, what is safe for anyone on site, what never to do, when to call a licensed electrician.
 * Written for a site manager or a monk on duty, not for an engineer. Universal (shown in the twin's side panel).
 */
import type { AlarmType } from '../protocol/v1.ts';
import { alarmTypeLabel } from '../domain/vocabulary/index.ts';

export interface Guidance {
  title: string;
  meaning: string;
  steps: string[];
  safe: string[];
  never: string[];
  electrician: string;
}

/** the title is the type's name from the vocabulary, with a plain-words note where the name alone is not enough */
type Text = Omit<Guidance, 'title'> & { note?: string };
type Bi = { zh: Text; en: Text };

const NEVER_OPEN_ZH = '切勿打开带电的配电箱或触碰裸露导体';
const NEVER_OPEN_EN = 'Never open a live panel or touch bare conductors';
const NO_WATER_ZH = '如有冒烟或明火：先拉下上级总闸（在箱外操作），用干粉灭火器，禁止用水，拨打 119';
const NO_WATER_EN = 'If there is smoke or flame: switch off the upstream main breaker (from outside the panel), use a dry-powder extinguisher, never water, call 119';

export const GUIDANCE: Record<AlarmType, Bi> = {
  abnormal_heating: {
    zh: {
      note: '疑似接线松动或氧化',
      meaning: '该回路的接线端子比同负载下应有的温度高，多半是螺丝松动或接点氧化，接触电阻增大而发热，长期发展会烧蚀绝缘、引发电气火灾。',
      steps: [
        '保持配电箱门关闭，用手背隔着箱门感受温度，或用红外测温枪对准箱门/观察窗测温',
        '在箱外观察：有无焦糊味、变色、烟迹、熔化的塑料或“噼啪”声',
        '查看本页趋势：温度是否在负载不变时持续上升',
        '减少该回路负载：关闭其所带的电暖器、酥油灯加热器、电炉等大功率设备',
        '在回路旁做好标记并安排人员值守，直到电工到场',
      ],
      safe: ['隔着箱门测温、闻、看、听', '关闭该回路所带的用电设备', '在箱外断开该回路开关（如可在不开箱的情况下操作）'],
      never: [NEVER_OPEN_ZH, '不要自行紧固端子螺丝或拆卸接线', NO_WATER_ZH],
      electrician: '尽快联系持证电工：由电工在断电、验电后隔离该回路，检查并按规定力矩重新紧固端子，必要时更换氧化的端子和导线。温度超过限值或有焦糊味时立即联系。',
    },
    en: {
      note: 'likely loose or oxidised',
      meaning: 'A terminal on this circuit runs hotter than its load explains — usually a loose screw or an oxidised contact. The extra resistance heats up, chars the insulation and can start a fire.',
      steps: [
        'Keep the panel door closed; feel it with the back of your hand or aim an infrared thermometer at the door or viewing window',
        'From outside: look and smell for discolouration, scorch marks, melted plastic, smoke or crackling',
        'Check the trend on this page: does temperature keep rising while the load stays flat?',
        'Reduce the load: switch off heaters, butter-lamp warmers, hot plates on this circuit',
        'Mark the panel and keep someone nearby until the electrician arrives',
      ],
      safe: ['Feel, look, smell and listen with the door closed', 'Switch off appliances on this circuit', 'Switch this circuit off at its breaker if you can without opening the panel'],
      never: [NEVER_OPEN_EN, 'Do not tighten terminals or undo wiring yourself', NO_WATER_EN],
      electrician: 'Call a licensed electrician soon: they isolate the circuit, prove it dead, re-torque the terminals to specification and replace oxidised lugs or cable. Call at once if the temperature is above the limit or you smell burning.',
    },
  },
  overtemperature: {
    zh: {
      meaning: '导线或端子温度超过绝缘允许值或设定值，绝缘会加速老化甚至起火。',
      steps: ['隔着箱门用红外测温枪复核温度', '检查是否有电暖器、电炉等集中使用', '立即减少该回路负载', '检查配电箱附近是否堆放可燃物（经幡、哈达、纸箱、木料），移开', '观察温度是否在减载后下降'],
      safe: ['减载、关闭用电设备', '清理配电箱周边可燃物', '在箱外断开该回路开关'],
      never: [NEVER_OPEN_ZH, '不要用湿布、水或冰给配电箱降温', NO_WATER_ZH],
      electrician: '减载后温度仍不下降，或已超过限值，立即联系持证电工检查导线截面、断路器规格与接线。',
    },
    en: {
      meaning: 'A conductor or terminal is above the insulation limit or set point; insulation ages fast and can ignite.',
      steps: ['Confirm with an infrared thermometer through the closed door', 'Look for heaters or cookers used at the same time', 'Reduce the load on this circuit now', 'Move combustibles away from the panel (prayer flags, khata, cartons, timber)', 'Watch whether the temperature falls after the load is reduced'],
      safe: ['Reduce load, switch appliances off', 'Clear combustibles around the panel', 'Switch the circuit off at its breaker from outside'],
      never: [NEVER_OPEN_EN, 'Do not cool the panel with wet cloth, water or ice', NO_WATER_EN],
      electrician: 'If it stays hot after reducing the load, or is above the limit, call a licensed electrician to check cable size, breaker rating and terminations.',
    },
  },
  overload: {
    zh: {
      meaning: '电流长时间超过断路器额定值，导线持续过热。常见原因是多台电暖器、电炉同时使用或私拉乱接。',
      steps: ['查看本页各相电流，确认哪一相过载', '找出该回路上正在使用的大功率设备并错开使用', '检查有无私拉乱接的插排、多级串接插座', '减载后观察电流是否回到额定值以下'],
      safe: ['关闭部分大功率设备', '拔掉串接的插排'],
      never: ['不要更换更大规格的断路器或保险丝', NEVER_OPEN_ZH, NO_WATER_ZH],
      electrician: '经常过载说明回路容量不足：请持证电工核算负荷，增设回路或更换合适截面的导线。',
    },
    en: {
      meaning: 'The current stays above the breaker rating and the cable overheats — often several heaters or cookers at once, or improvised extension leads.',
      steps: ['Check the phase currents on this page to see which phase is overloaded', 'Find the large appliances on this circuit and stagger their use', 'Look for daisy-chained power strips and improvised wiring', 'Confirm the current falls below the rating after reducing the load'],
      safe: ['Switch some large appliances off', 'Unplug daisy-chained strips'],
      never: ['Never fit a bigger breaker or fuse', NEVER_OPEN_EN, NO_WATER_EN],
      electrician: 'Repeated overloads mean the circuit is too small: have a licensed electrician recalculate the load and add a circuit or larger cable.',
    },
  },
  residual_current: {
    zh: {
      note: '漏电',
      meaning: '有电流经绝缘破损处流向大地，可能导致触电，也可能在潮湿木构件上发热起火。',
      steps: ['提醒人员不要触碰该回路上的金属外壳设备', '检查是否有设备进水、受潮、线缆被压破或被鼠咬', '逐个拔下该回路上的设备，观察漏电值是否下降，找出漏电设备', '检查漏电保护器（RCD）能否按试验按钮正常跳闸'],
      safe: ['拔下可疑设备', '按下漏电保护器试验按钮（每月一次）'],
      never: ['不要短接或拆除漏电保护器', '不要赤手触碰潮湿的设备外壳', NEVER_OPEN_ZH],
      electrician: '拔下所有设备后漏电仍超限，说明线路本身绝缘损坏：请持证电工用绝缘电阻表检测并修复。',
    },
    en: {
      note: 'leakage',
      meaning: 'Current leaks to earth through damaged insulation: a shock hazard, and it can heat damp timber until it ignites.',
      steps: ['Warn people not to touch metal-cased appliances on this circuit', 'Look for wet or damp appliances, crushed or rodent-bitten cables', 'Unplug appliances one by one and watch the leakage value to find the culprit', 'Press the RCD test button and check that it trips'],
      safe: ['Unplug suspect appliances', 'Press the RCD test button (monthly)'],
      never: ['Never bypass or remove the RCD', 'Do not touch wet appliance cases with bare hands', NEVER_OPEN_EN],
      electrician: 'If the leakage persists with everything unplugged, the wiring itself is damaged: a licensed electrician must test insulation resistance and repair it.',
    },
  },
  insulation_degradation: {
    zh: {
      note: '漏电呈上升趋势',
      meaning: '漏电流尚未超限，但在持续上升，说明线路或设备绝缘正在老化、受潮。',
      steps: ['查看一周趋势，确认上升是否持续', '检查潮湿部位：屋顶漏水、墙体渗水、地面积水处的线缆和插座', '检查老旧设备和线缆外皮是否开裂'],
      safe: ['改善通风、排除渗漏', '停用老化设备'],
      never: [NEVER_OPEN_ZH],
      electrician: '安排持证电工在计划停电时测量绝缘电阻，更换老化线缆。',
    },
    en: {
      note: 'leakage trending up',
      meaning: 'Leakage is still below the set point but rising: insulation of the wiring or an appliance is ageing or getting damp.',
      steps: ['Check the week trend to confirm the rise', 'Inspect damp places: roof leaks, wet walls, standing water near cables and sockets', 'Look for cracked sheaths on old cables and appliances'],
      safe: ['Improve ventilation, stop leaks', 'Retire worn appliances'],
      never: [NEVER_OPEN_EN],
      electrician: 'Have a licensed electrician measure insulation resistance during a planned shutdown and replace aged cable.',
    },
  },
  arc_fault: {
    zh: {
      meaning: '线路中出现持续打火（电弧），温度可达数千度，是木结构建筑电气火灾的首要原因。',
      steps: ['立即在箱外断开该回路开关', '检查插头、插座是否松动、烧黑，线缆是否被钉子、门窗夹伤', '断电后再检查灯具、开关及接线盒'],
      safe: ['在箱外断开该回路', '拔下松动或烧黑的插头'],
      never: ['未查明原因前不要重新合闸', NEVER_OPEN_ZH, NO_WATER_ZH],
      electrician: '立即联系持证电工：查找并修复打火点后方可恢复供电。',
    },
    en: {
      meaning: 'Sustained arcing in the wiring reaches thousands of degrees — the leading cause of electrical fires in timber buildings.',
      steps: ['Switch this circuit off at its breaker now, from outside the panel', 'Look for loose or blackened plugs and sockets, cables pinched by nails, doors or windows', 'Only with power off, inspect lamps, switches and junction boxes'],
      safe: ['Switch the circuit off from outside', 'Unplug loose or blackened plugs'],
      never: ['Do not switch back on before the cause is found', NEVER_OPEN_EN, NO_WATER_EN],
      electrician: 'Call a licensed electrician at once: power comes back only after the arcing point is found and repaired.',
    },
  },
  phase_imbalance: {
    zh: {
      note: '或中性线过流',
      meaning: '三相负载分配不均或谐波使中性线电流过大，中性线和端子可能过热。',
      steps: ['查看本页三相电流和中性线温度', '把大功率单相设备分散到不同相', '留意中性线端子温度'],
      safe: ['调整单相设备的使用时段'],
      never: [NEVER_OPEN_ZH],
      electrician: '请持证电工重新分配负载到各相，检查中性线截面与端子。',
    },
    en: {
      note: 'or neutral over-current',
      meaning: 'Unequal loads on the three phases, or harmonics, overload the neutral; the neutral and its terminal can overheat.',
      steps: ['Compare phase currents and the neutral temperature on this page', 'Spread large single-phase appliances over different phases', 'Watch the neutral terminal temperature'],
      safe: ['Shift when single-phase appliances are used'],
      never: [NEVER_OPEN_EN],
      electrician: 'A licensed electrician should rebalance loads across phases and check the neutral size and terminals.',
    },
  },
  voltage_abnormal: {
    zh: {
      meaning: '电压过高、过低或中性线断开，可能烧毁设备并引发火灾。',
      steps: ['观察灯光是否忽明忽暗、设备是否异常', '关闭精密和大功率设备', '联系供电所了解外部电网情况'],
      safe: ['关闭敏感设备'],
      never: [NEVER_OPEN_ZH],
      electrician: '疑似中性线断开时立即断开总闸并联系持证电工。',
    },
    en: {
      meaning: 'Voltage too high or too low, or a lost neutral: appliances can burn out and start a fire.',
      steps: ['Watch for flickering lights or misbehaving appliances', 'Switch off sensitive and large appliances', 'Ask the utility about the grid'],
      safe: ['Switch off sensitive equipment'],
      never: [NEVER_OPEN_EN],
      electrician: 'If a lost neutral is suspected, switch off the main breaker and call a licensed electrician at once.',
    },
  },
  sensor_fault: {
    zh: {
      meaning: '探测器的某个传感器读数卡死、漂移或断开，该回路暂时失去保护。',
      steps: ['确认该回路用电是否正常', '在传感器修复前增加人工巡查'],
      safe: ['加强巡查'],
      never: [NEVER_OPEN_ZH],
      electrician: '联系技术服务人员检修或更换探测器。',
    },
    en: {
      meaning: 'A detector sensor is stuck, drifting or disconnected: this circuit is not fully watched for now.',
      steps: ['Check the circuit works normally', 'Inspect by hand more often until the sensor is fixed'],
      safe: ['Patrol more often'],
      never: [NEVER_OPEN_EN],
      electrician: 'Ask the service technician to repair or replace the detector.',
    },
  },
  device_offline: {
    zh: {
      meaning: '探测器长时间没有上报数据（可能断电或断网），期间无法监测。',
      steps: ['检查配电箱是否有电、探测器指示灯是否亮', '检查网络（4G 信号或网线）'],
      safe: ['加强人工巡查'],
      never: [NEVER_OPEN_ZH],
      electrician: '联系技术服务人员恢复设备通信。',
    },
    en: {
      meaning: 'The detector has not reported for a while (power or network lost); nothing is monitored meanwhile.',
      steps: ['Check the panel has power and the detector LED is on', 'Check the network (4G signal or cable)'],
      safe: ['Patrol by hand more often'],
      never: [NEVER_OPEN_EN],
      electrician: 'Ask the service technician to restore communication.',
    },
  },
};

export function guidanceFor(type: AlarmType, lang: 'zh' | 'en'): Guidance {
  const { note, ...g } = GUIDANCE[type][lang];
  const name = alarmTypeLabel(type, lang);
  return { title: note ? (lang === 'en' ? `${name} (${note})` : `${name}（${note}）`) : name, ...g };
}
