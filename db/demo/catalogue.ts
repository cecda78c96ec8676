// The demo workshop: an electronics lab's parts, described compactly and expanded by load.ts.

export interface DemoCategory {
  name: string;
  description?: string;
  children?: DemoCategory[];
}

export const demoCategories: DemoCategory[] = [
  {
    name: 'Electronics',
    description: 'Everything that goes on a circuit board',
    children: [
      {
        name: 'Passives',
        children: [
          { name: 'Resistors', children: [{ name: 'SMD resistors' }, { name: 'Through-hole resistors' }] },
          { name: 'Capacitors', children: [{ name: 'Ceramic capacitors' }, { name: 'Electrolytic capacitors' }] },
          { name: 'Inductors' },
          { name: 'Crystals' },
        ],
      },
      {
        name: 'Semiconductors',
        children: [
          { name: 'Diodes', children: [{ name: 'LEDs' }, { name: 'Rectifiers and Zeners' }] },
          { name: 'Transistors' },
          {
            name: 'Integrated circuits',
            children: [{ name: 'Microcontrollers' }, { name: 'Voltage regulators' }, { name: 'Op-amps' }, { name: 'Logic' }],
          },
        ],
      },
      { name: 'Connectors', children: [{ name: 'Pin headers' }, { name: 'Wire-to-board' }, { name: 'USB' }] },
      { name: 'Electromechanical', children: [{ name: 'Switches' }, { name: 'Relays' }] },
    ],
  },
  {
    name: 'Mechanical',
    children: [{ name: 'Fasteners', children: [{ name: 'Screws' }, { name: 'Nuts' }, { name: 'Standoffs' }] }, { name: 'Enclosures' }],
  },
  { name: 'Consumables', children: [{ name: 'Solder' }, { name: 'Wire' }] },
  { name: 'Assemblies', description: 'Boards and kits built in the workshop' },
];

export interface DemoLocation {
  name: string;
  description?: string;
  children?: DemoLocation[];
}

export const demoLocations: DemoLocation[] = [
  {
    name: 'Workshop',
    children: [
      { name: 'Shelf A', children: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((bin) => ({ name: `Bin ${bin}` })) },
      { name: 'Shelf B', children: ['B1', 'B2', 'B3', 'B4'].map((drawer) => ({ name: `Drawer ${drawer}` })) },
      { name: 'Assembly bench' },
    ],
  },
  {
    name: 'Storeroom',
    children: [
      { name: 'Rack 1', children: [{ name: 'Box 1' }, { name: 'Box 2' }, { name: 'Box 3' }] },
      { name: 'Rack 2', children: [{ name: 'Reel cabinet' }] },
    ],
  },
  { name: 'Incoming goods' },
];

export interface DemoPart {
  name: string;
  category: string;
  description: string;
  ipnPrefix: string;
  units?: string;
  /** Typical quantity held; stock is spread around this. */
  typical: number;
  template?: boolean;
  assembly?: boolean;
  /** Name of the template this part is a variant of. */
  variantOf?: string;
}

const decades = ['10R', '22R', '47R', '100R', '220R', '470R', '1k', '2k2', '4k7', '10k', '22k', '47k', '100k'];
const ceramics = ['10pF', '22pF', '100pF', '1nF', '10nF', '100nF', '1uF', '10uF'];

function expand(): DemoPart[] {
  const list: DemoPart[] = [];
  for (const size of ['0402', '0603', '0805', '1206']) {
    for (const value of decades) {
      list.push({ name: `R ${value} ${size} 1%`, category: 'SMD resistors', description: `${value} thick-film resistor, ${size}`, ipnPrefix: 'RES', typical: 2000 });
    }
  }
  for (const value of ['100R', '1k', '10k', '100k']) {
    list.push({ name: `R ${value} axial 1/4W`, category: 'Through-hole resistors', description: `${value} metal-film resistor`, ipnPrefix: 'RES', typical: 300 });
  }
  for (const size of ['0603', '0805']) {
    for (const value of ceramics) {
      list.push({ name: `C ${value} ${size} X7R`, category: 'Ceramic capacitors', description: `${value} MLCC, ${size}`, ipnPrefix: 'CAP', typical: 1500 });
    }
  }
  for (const value of ['10uF', '47uF', '100uF', '470uF', '1000uF']) {
    for (const voltage of ['16V', '35V']) {
      list.push({ name: `C ${value} ${voltage} electrolytic`, category: 'Electrolytic capacitors', description: `${value} aluminium electrolytic, ${voltage}`, ipnPrefix: 'CAP', typical: 120 });
    }
  }
  for (const value of ['4.7uH', '10uH', '22uH', '100uH']) {
    list.push({ name: `L ${value} power inductor`, category: 'Inductors', description: `${value} shielded SMD inductor`, ipnPrefix: 'IND', typical: 80 });
  }
  for (const value of ['8MHz', '12MHz', '16MHz', '32.768kHz']) {
    list.push({ name: `Crystal ${value}`, category: 'Crystals', description: `${value} quartz crystal`, ipnPrefix: 'XTL', typical: 40 });
  }
  list.push({ name: 'LED 5mm', category: 'LEDs', description: '5 mm through-hole LED', ipnPrefix: 'LED', typical: 0, template: true });
  for (const colour of ['red', 'green', 'blue', 'yellow', 'white']) {
    list.push({ name: `LED 5mm ${colour}`, category: 'LEDs', description: `5 mm ${colour} LED, diffused`, ipnPrefix: 'LED', typical: 200, variantOf: 'LED 5mm' });
  }
  list.push({ name: 'LED 0603', category: 'LEDs', description: '0603 SMD LED', ipnPrefix: 'LED', typical: 0, template: true });
  for (const colour of ['red', 'green', 'amber']) {
    list.push({ name: `LED 0603 ${colour}`, category: 'LEDs', description: `0603 ${colour} SMD LED`, ipnPrefix: 'LED', typical: 500, variantOf: 'LED 0603' });
  }
  for (const [name, description] of [
    ['1N4148', 'Small-signal switching diode'],
    ['1N4007', '1 A 1000 V rectifier'],
    ['1N5819', '1 A Schottky diode'],
    ['SS34', '3 A Schottky diode, SMA'],
    ['BZX55C3V3', '3.3 V Zener diode'],
    ['BZX55C5V1', '5.1 V Zener diode'],
    ['BZX55C12', '12 V Zener diode'],
  ] as const) {
    list.push({ name, category: 'Rectifiers and Zeners', description, ipnPrefix: 'DIO', typical: 150 });
  }
  for (const [name, description] of [
    ['2N3904', 'NPN general-purpose transistor'],
    ['2N3906', 'PNP general-purpose transistor'],
    ['BC547', 'NPN small-signal transistor'],
    ['BC557', 'PNP small-signal transistor'],
    ['IRLZ44N', 'Logic-level N-channel MOSFET, TO-220'],
    ['AO3400', 'N-channel MOSFET, SOT-23'],
    ['2N7002', 'N-channel MOSFET, SOT-23'],
    ['BSS138', 'Level-shifting N-channel MOSFET'],
  ] as const) {
    list.push({ name, category: 'Transistors', description, ipnPrefix: 'TRN', typical: 100 });
  }
  list.push({ name: 'ATmega328P', category: 'Microcontrollers', description: '8-bit AVR microcontroller', ipnPrefix: 'MCU', typical: 0, template: true });
  list.push({ name: 'ATmega328P-PU', category: 'Microcontrollers', description: 'ATmega328P in DIP-28', ipnPrefix: 'MCU', typical: 25, variantOf: 'ATmega328P' });
  list.push({ name: 'ATmega328P-AU', category: 'Microcontrollers', description: 'ATmega328P in TQFP-32', ipnPrefix: 'MCU', typical: 40, variantOf: 'ATmega328P' });
  for (const [name, description] of [
    ['STM32F103C8T6', 'ARM Cortex-M3 microcontroller, LQFP-48'],
    ['RP2040', 'Dual-core Cortex-M0+ microcontroller'],
    ['ESP32-WROOM-32E', 'Wi-Fi and Bluetooth module'],
    ['ATtiny85-20PU', '8-bit AVR microcontroller, DIP-8'],
  ] as const) {
    list.push({ name, category: 'Microcontrollers', description, ipnPrefix: 'MCU', typical: 20 });
  }
  for (const [name, description] of [
    ['AMS1117-3.3', '3.3 V 1 A LDO regulator'],
    ['LM7805', '5 V 1.5 A linear regulator'],
    ['MCP1700-3302', '3.3 V low-quiescent LDO'],
    ['LM2596S-ADJ', 'Adjustable 3 A buck converter'],
  ] as const) {
    list.push({ name, category: 'Voltage regulators', description, ipnPrefix: 'REG', typical: 30 });
  }
  for (const [name, description] of [
    ['LM358', 'Dual op-amp'],
    ['TL072', 'Dual JFET-input op-amp'],
    ['MCP6002', 'Dual rail-to-rail op-amp'],
  ] as const) {
    list.push({ name, category: 'Op-amps', description, ipnPrefix: 'AMP', typical: 30 });
  }
  for (const [name, description] of [
    ['74HC595', '8-bit shift register'],
    ['74HC04', 'Hex inverter'],
    ['74HC14', 'Hex Schmitt-trigger inverter'],
    ['CD4017', 'Decade counter'],
  ] as const) {
    list.push({ name, category: 'Logic', description, ipnPrefix: 'LOG', typical: 30 });
  }
  for (const pins of ['1x2', '1x3', '1x4', '1x6', '1x8', '1x10', '2x3', '2x5']) {
    list.push({ name: `Pin header ${pins} 2.54mm`, category: 'Pin headers', description: `${pins} male pin header`, ipnPrefix: 'CON', typical: 100 });
  }
  for (const pins of [2, 3, 4, 5, 6]) {
    list.push({ name: `JST-XH ${pins}-pin socket`, category: 'Wire-to-board', description: `JST XH ${pins}-way header`, ipnPrefix: 'CON', typical: 60 });
  }
  for (const pins of [2, 3]) {
    list.push({ name: `Screw terminal ${pins}-pin 5mm`, category: 'Wire-to-board', description: `${pins}-way PCB terminal block`, ipnPrefix: 'CON', typical: 50 });
  }
  list.push({ name: 'USB-C receptacle 16-pin', category: 'USB', description: 'USB 2.0 Type-C receptacle', ipnPrefix: 'CON', typical: 40 });
  list.push({ name: 'Micro-USB receptacle', category: 'USB', description: 'Micro-B receptacle, SMD', ipnPrefix: 'CON', typical: 40 });
  list.push({ name: 'Tactile switch 6x6', category: 'Switches', description: '6 x 6 mm tactile switch', ipnPrefix: 'SW', typical: 0, template: true });
  for (const height of ['4.3mm', '5mm', '7mm', '9.5mm']) {
    list.push({ name: `Tactile switch 6x6 ${height}`, category: 'Switches', description: `6 x 6 mm tactile switch, ${height} tall`, ipnPrefix: 'SW', typical: 100, variantOf: 'Tactile switch 6x6' });
  }
  list.push({ name: 'Slide switch SPDT', category: 'Switches', description: 'Miniature slide switch', ipnPrefix: 'SW', typical: 50 });
  list.push({ name: 'Rotary encoder EC11', category: 'Switches', description: 'Incremental encoder with push switch', ipnPrefix: 'SW', typical: 15 });
  list.push({ name: 'Relay 5V SPDT', category: 'Relays', description: '5 V coil, 10 A contacts', ipnPrefix: 'RLY', typical: 20 });
  list.push({ name: 'Relay 12V SPDT', category: 'Relays', description: '12 V coil, 10 A contacts', ipnPrefix: 'RLY', typical: 20 });
  // Three levels of variants: Machine screw > Machine screw M3 > Machine screw M3x8.
  list.push({ name: 'Machine screw', category: 'Screws', description: 'ISO 7380 button-head screw, stainless', ipnPrefix: 'SCR', typical: 0, template: true });
  for (const size of ['M2', 'M2.5', 'M3', 'M4']) {
    list.push({ name: `Machine screw ${size}`, category: 'Screws', description: `${size} button-head screw`, ipnPrefix: 'SCR', typical: 0, template: true, variantOf: 'Machine screw' });
    for (const length of [6, 8, 10, 12, 16, 20]) {
      list.push({ name: `Machine screw ${size}x${length}`, category: 'Screws', description: `${size} x ${length} mm button-head screw`, ipnPrefix: 'SCR', typical: 300, variantOf: `Machine screw ${size}` });
    }
  }
  for (const size of ['M2', 'M2.5', 'M3', 'M4']) {
    list.push({ name: `Hex nut ${size}`, category: 'Nuts', description: `${size} stainless hex nut`, ipnPrefix: 'NUT', typical: 400 });
  }
  for (const length of [5, 8, 10, 15, 20]) {
    list.push({ name: `Standoff M3x${length} F-F`, category: 'Standoffs', description: `M3 brass standoff, ${length} mm`, ipnPrefix: 'STO', typical: 80 });
  }
  for (const [name, description] of [
    ['Enclosure 100x60x25', 'ABS project box, grey'],
    ['Enclosure 120x80x40', 'ABS project box, black'],
    ['DIN rail enclosure 4M', '4-module DIN rail housing'],
  ] as const) {
    list.push({ name, category: 'Enclosures', description, ipnPrefix: 'ENC', typical: 10 });
  }
  list.push({ name: 'Solder wire SAC305 0.5mm', category: 'Solder', description: 'Lead-free solder, 250 g reel', ipnPrefix: 'CNS', units: 'g', typical: 500 });
  list.push({ name: 'Solder paste SAC305', category: 'Solder', description: 'Type 4 no-clean paste', ipnPrefix: 'CNS', units: 'g', typical: 250 });
  list.push({ name: 'Flux pen', category: 'Solder', description: 'No-clean flux pen', ipnPrefix: 'CNS', typical: 6 });
  for (const colour of ['black', 'red', 'blue', 'yellow', 'green', 'white']) {
    list.push({ name: `Hook-up wire 24AWG ${colour}`, category: 'Wire', description: `Stranded 24 AWG wire, ${colour}`, ipnPrefix: 'WIR', units: 'm', typical: 50 });
  }
  for (const [name, description] of [
    ['Sensor board v2', 'Temperature and humidity sensor board'],
    ['LED driver board', 'Four-channel constant-current LED driver'],
    ['Controller board', 'ATmega328P controller with USB-C'],
    ['Power supply module', '12 V to 5 V / 3.3 V supply'],
    ['Workshop starter kit', 'Soldering practice kit'],
  ] as const) {
    list.push({ name, category: 'Assemblies', description, ipnPrefix: 'ASM', typical: 4, assembly: true });
  }
  return list;
}

export const demoParts: DemoPart[] = expand();

/** Every demo account signs in with this password (shown in the README). */
export const DEMO_PASSWORD = 'stockbell-demo';

/** Demo people and what each follows, so alerts reach someone as soon as stock moves. */
export const demoUsers = [
  { username: 'alex', displayName: 'Alex Morgan', email: 'alex@workshop.example', role: 'admin' as const, categories: ['Passives'], parts: ['ATmega328P'] },
  { username: 'sam', displayName: 'Sam Patel', email: 'sam@workshop.example', role: 'member' as const, categories: ['Fasteners'], parts: ['LED 5mm'] },
  { username: 'jordan', displayName: 'Jordan Lee', email: 'jordan@workshop.example', role: 'member' as const, categories: ['Integrated circuits', 'Connectors'], parts: [] },
];

/** Whoever loads the demo from the app follows these. */
export const demoLoaderSubscriptions = { categories: ['Electronics'], parts: [] as string[] };

export interface DemoBomLine {
  part: string;
  quantity: string;
  allowVariants?: boolean;
  optional?: boolean;
  note?: string;
}

/** What each workshop assembly is made of. */
export const demoBoms: Record<string, DemoBomLine[]> = {
  'Controller board': [
    { part: 'ATmega328P-AU', quantity: '1' },
    { part: 'Crystal 16MHz', quantity: '1' },
    { part: 'C 22pF 0603 X7R', quantity: '2' },
    { part: 'C 100nF 0603 X7R', quantity: '4' },
    { part: 'R 10k 0603 1%', quantity: '2' },
    { part: 'USB-C receptacle 16-pin', quantity: '1' },
    { part: 'AMS1117-3.3', quantity: '1' },
    { part: 'LED 0603', quantity: '1', allowVariants: true, note: 'Any colour' },
    { part: 'Pin header 1x6 2.54mm', quantity: '2', optional: true, note: 'Only for the programming version' },
    { part: 'Tactile switch 6x6', quantity: '1', allowVariants: true },
  ],
  'Sensor board v2': [
    { part: 'MCP6002', quantity: '1' },
    { part: 'R 10k 0603 1%', quantity: '4' },
    { part: 'C 100nF 0603 X7R', quantity: '2' },
    { part: 'JST-XH 4-pin socket', quantity: '1' },
    { part: 'LED 0603 red', quantity: '1' },
  ],
  'LED driver board': [
    { part: 'LED 5mm', quantity: '4', allowVariants: true },
    { part: 'AO3400', quantity: '4' },
    { part: 'R 100R 0805 1%', quantity: '4' },
    { part: 'Screw terminal 2-pin 5mm', quantity: '2' },
    { part: 'LM7805', quantity: '1' },
  ],
  'Power supply module': [
    { part: 'LM2596S-ADJ', quantity: '1' },
    { part: 'L 22uH power inductor', quantity: '1' },
    { part: 'C 470uF 35V electrolytic', quantity: '2' },
    { part: 'SS34', quantity: '1' },
    { part: 'Screw terminal 2-pin 5mm', quantity: '2' },
  ],
  'Workshop starter kit': [
    { part: 'Controller board', quantity: '1' },
    { part: 'LED 5mm red', quantity: '5' },
    { part: 'R 1k axial 1/4W', quantity: '10' },
    { part: 'Solder wire SAC305 0.5mm', quantity: '20', note: 'Grams' },
    { part: 'Hook-up wire 24AWG red', quantity: '2' },
  ],
};

/** Build orders in the demo: one waiting, one in production, one done. */
export const demoBuilds = [
  { assembly: 'Controller board', quantity: '5', daysToTarget: 14, status: 'pending' as const, notes: 'For the spring workshop kits' },
  { assembly: 'LED driver board', quantity: '10', daysToTarget: 5, status: 'in_production' as const, notes: '' },
  { assembly: 'Sensor board v2', quantity: '2', daysToTarget: -3, status: 'complete' as const, notes: 'Replacement boards' },
];

/** Who the demo workshop buys from: electronics from two distributors, the rest from a hardware store. */
export const demoSuppliers = [
  { name: 'Mouser Electronics', website: 'https://www.mouser.com/', notes: 'Account 40-1187. Free shipping over 50.', skuPrefix: 'MOU', leadTimeDays: 4, electronics: true },
  { name: 'DigiKey', website: 'https://www.digikey.com/', notes: 'Next-day for orders before 20:00.', skuPrefix: 'DK', leadTimeDays: 2, electronics: true },
  { name: 'Bolt & Nut Supply', website: 'https://boltandnut.example/', notes: 'Local; collect on Fridays.', skuPrefix: 'BNS', leadTimeDays: 10, electronics: false },
] as const;
