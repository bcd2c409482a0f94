// The synapse diagram as one scene: every actor is drawn once in a fixed "world", and each step
// only changes the actors' states and where the camera looks. Pure data and functions (no DOM),
// shared by the drawing (SynapseArt.svelte) and the tests.
//
// World units: the synapse close-up is about 270 wide (terminal), the cleft is y -40..0, the spine
// head y 0..110, the dendrite shaft y 150..215; the circuit (a GABA interneuron braking a pyramidal
// cell whose axon ends in the terminal) lies up and to the left.
//
// Two layouts, chosen by the width of the diagram (a container query in SynapseDiagram.svelte):
//   wide  640×250 — lesson on a desktop, slides (labels ≥ 20 px at 1280×720)
//   tall  340×420 — phone portrait, a taller crop (labels ≥ 14 px at 390 px)
// Labels live outside the camera so their size never changes; each framing places them by hand
// in view units, with a leader line to the actor they name (tests check they never overlap).

export type Layout = 'wide' | 'tall';
export type Framing = 'synapse' | 'circuit' | 'cascade' | 'dendrite';

export const VIEW: Record<Layout, { w: number; h: number; font: number }> = {
  wide: { w: 640, h: 250, font: 23 },
  tall: { w: 340, h: 420, font: 15.5 },
};

export interface Camera {
  /** World point at the centre of the view. */
  cx: number;
  cy: number;
  /** View units per world unit. */
  s: number;
}

const CAMERAS: Record<Layout, Record<Framing, Camera>> = {
  wide: {
    synapse: { cx: 0, cy: -22, s: 0.64 },
    circuit: { cx: -470, cy: -330, s: 0.22 },
    cascade: { cx: 10, cy: 55, s: 0.66 },
    dendrite: { cx: 0, cy: 20, s: 0.36 },
  },
  tall: {
    synapse: { cx: 0, cy: -20, s: 0.6 },
    circuit: { cx: -478, cy: -300, s: 0.262 },
    cascade: { cx: 15, cy: 40, s: 0.66 },
    dendrite: { cx: -70, cy: -20, s: 0.24 },
  },
};

export function camera(layout: Layout, framing: Framing): Camera {
  return CAMERAS[layout][framing];
}

/** World → view coordinates for a camera. */
export function project(layout: Layout, cam: Camera, x: number, y: number): [number, number] {
  const v = VIEW[layout];
  return [(x - cam.cx) * cam.s + v.w / 2, (y - cam.cy) * cam.s + v.h / 2];
}

/** The SVG transform (attribute syntax, unitless) that puts the camera's world point at the view centre. */
export function cameraTransform(layout: Layout, cam: Camera): string {
  const v = VIEW[layout];
  return `translate(${v.w / 2 - cam.cx * cam.s} ${v.h / 2 - cam.cy * cam.s}) scale(${cam.s})`;
}

// ── The actors' places in the world ──────────────────────────────────────────────────────────
/** Vesicles, nearest the membrane first: they fuse in this order. */
export const VESICLES: readonly [number, number][] = [
  [-62, -102],
  [64, -104],
  [2, -112],
  [-80, -156],
  [-16, -168],
  [50, -158],
];
/** Glutamate inside a vesicle, relative to its centre. */
export const IN_VESICLE: readonly [number, number][] = [
  [-8, -4],
  [8, -4],
  [0, 9],
];
/** Glutamate in the cleft: two rows across the synapse. */
const ROWS: [number, number][] = Array.from({ length: 18 }, (_, i) => [-112 + (i % 9) * 28 + (i >= 9 ? 14 : 0), i >= 9 ? -30 : -44]);
/** Glutamate in the cleft: two rows across the synapse, the first places over the receptors. */
export const CLEFT_SPOTS: readonly [number, number][] = [2, 15, 11, 6, 4, 13, 0, 8, 9, 17, 1, 7, 3, 5, 10, 12, 14, 16].map((i) => ROWS[i]!);
export const AMPA_X = -62;
export const NMDA_X = 58;
export const PORE: [number, number] = [NMDA_X, 14];
export const MG_OUT: [number, number] = [108, -20];
export const KET_OUTSIDE: [number, number] = [205, -70];
export const SPINES_OLD = [-470, 390] as const;
export const SPINES_NEW = [-250, 520, -640] as const;

// ── Each step's state ────────────────────────────────────────────────────────────────────────
export interface SceneState {
  framing: Framing;
  /** How many vesicles (from the first) have fused and emptied into the cleft. */
  fused: number;
  /** How many glutamate particles lie in the cleft (from the fused vesicles' contents). */
  cleftGlutamate: number;
  ampaOpen: boolean;
  /** AMPA wide open in the surge. */
  ampaStrong: boolean;
  nmdaOpen: boolean;
  mg: 'pore' | 'out';
  ketamine: 'none' | 'pore';
  /** The channel shut around ketamine (trapping). */
  trapped: boolean;
  sodium: boolean;
  calcium: boolean;
  /** GABA interneuron: ketamine on its NMDA receptors, and how much GABA reaches the pyramidal cell. */
  interneuronBlocked: boolean;
  gaba: 'full' | 'less';
  bdnf: 'none' | 'bound';
  cascade: boolean;
  proteins: boolean;
  /** Spines on the dendrite, including the one in the close-up. */
  spines: number;
  rival: boolean;
}

/** What the scene shows at a step (1-based), with or without ketamine in the picture. */
export function sceneFor(step: number, ketamine: boolean): SceneState {
  const base: SceneState = {
    framing: 'synapse',
    fused: 0,
    cleftGlutamate: 0,
    ampaOpen: false,
    ampaStrong: false,
    nmdaOpen: false,
    mg: 'pore',
    ketamine: 'none',
    trapped: false,
    sodium: false,
    calcium: false,
    interneuronBlocked: false,
    gaba: 'full',
    bdnf: 'none',
    cascade: false,
    proteins: false,
    spines: 1 + SPINES_OLD.length,
    rival: false,
  };
  const k = ketamine ? ('pore' as const) : ('none' as const);
  switch (step) {
    case 1:
      return base;
    case 2:
      return { ...base, fused: 1, cleftGlutamate: 3, ampaOpen: true, nmdaOpen: true, mg: 'out', ketamine: k, sodium: true, calcium: !ketamine };
    case 3:
      // Ketamine sits in the open channel and blocks it (it is trapped once the channel closes, from step 4 on).
      return { ...base, fused: 1, cleftGlutamate: 2, mg: 'out', ketamine: k, nmdaOpen: ketamine };
    case 4:
      return { ...base, framing: 'circuit', fused: 1, cleftGlutamate: 2, mg: 'out', ketamine: k, trapped: ketamine, interneuronBlocked: true, gaba: 'less' };
    case 5:
      return { ...base, fused: 5, cleftGlutamate: 15, ampaOpen: true, ampaStrong: true, mg: 'out', ketamine: k, trapped: ketamine, interneuronBlocked: true, gaba: 'less', sodium: true };
    case 6:
      return { ...base, framing: 'cascade', fused: 5, cleftGlutamate: 6, ampaOpen: true, mg: 'out', ketamine: k, trapped: ketamine, interneuronBlocked: true, gaba: 'less', bdnf: 'bound', cascade: true, proteins: true };
    case 7:
      return { ...base, framing: 'dendrite', fused: 5, cleftGlutamate: 3, mg: 'out', ketamine: k, trapped: ketamine, interneuronBlocked: true, gaba: 'less', bdnf: 'bound', proteins: true, spines: 1 + SPINES_OLD.length + SPINES_NEW.length };
    default:
      // The rival idea at a quiet synapse: one spontaneous vesicle, NMDA blocked at rest, eEF2 kinase off.
      return { ...base, framing: 'cascade', fused: 1, cleftGlutamate: 1, mg: 'out', ketamine: k, trapped: ketamine, bdnf: 'bound', rival: true };
  }
}

// ── Labels ───────────────────────────────────────────────────────────────────────────────────
export interface Label {
  id: string;
  text: string;
  /** Text anchor point in view units, and alignment. */
  x: number;
  y: number;
  align: 'start' | 'middle' | 'end';
  /** The world points the leader lines go to (none for titles). */
  to: [number, number][];
  /** Lines of text (the tall layout breaks long labels in two). */
  lines: string[];
}

type Spot = [x: number, y: number, align: Label['align']];
type Pt = [number, number];
type Pick = (s: SceneState) => { id: string; text: string; to?: Pt | Pt[] }[];

// What each framing names, by state. "\n" marks where the tall layout breaks a label.
const NAMES: Record<Framing, Pick> = {
  synapse: (s) => [
    { id: 'terminal', text: s.fused >= 5 ? 'Glutamate\nburst' : 'Nerve\nending', to: [-120, -150] },
    { id: 'glutamate', text: 'Glutamate', to: s.fused ? CLEFT_SPOTS[0]! : VESICLES[3]! },
    { id: 'ampa', text: s.ampaStrong ? 'AMPA\nwide open' : s.ampaOpen ? 'AMPA\nopen' : 'AMPA', to: [AMPA_X - 16, 22] },
    ...(s.sodium ? [{ id: 'na', text: 'Na⁺ in', to: [AMPA_X - 16, 64] as Pt }] : []),
    { id: 'mg', text: s.mg === 'pore' ? 'Mg²⁺\nplug' : 'Mg²⁺\nout', to: s.mg === 'pore' ? PORE : MG_OUT },
    ...(s.ketamine === 'pore'
      ? [{ id: 'ket', text: s.trapped ? 'Ketamine\ntrapped' : s.calcium || s.sodium ? 'Ketamine\nenters' : 'Ketamine\nblocks', to: [PORE[0], PORE[1] + 2] as Pt }]
      : s.mg === 'out' && !s.nmdaOpen && !s.ampaOpen
        ? [{ id: 'ket', text: 'Empty\npore', to: [PORE[0], PORE[1] + 2] as Pt }]
        : []),
    { id: 'nmda', text: s.nmdaOpen ? 'NMDA\nopen' : 'NMDA', to: [NMDA_X + 26, 30] },
    ...(s.calcium ? [{ id: 'ca', text: 'Ca²⁺ in', to: [NMDA_X + 12, 86] as Pt }] : []),
    ...(s.ketamine === 'pore' && s.mg === 'out' && !s.ampaStrong ? [{ id: 'ca', text: 'No Ca²⁺', to: [NMDA_X, 70] as Pt }] : []),
    { id: 'spine', text: 'Spine', to: [120, 84] },
    { id: 'dendrite', text: 'Dendrite', to: [-170, 200] },
  ],
  circuit: (s) => [
    { id: 'gaba-cell', text: 'GABA\ncell', to: [-1040, -390] },
    { id: 'brake', text: s.gaba === 'less' ? 'Less GABA' : 'GABA', to: [-714, -632] },
    ...(s.interneuronBlocked ? [{ id: 'ket-i', text: 'Ketamine', to: [-1040, -584] as Pt }] : []),
    { id: 'pyramidal', text: 'Pyramidal\ncell', to: [-470, -470] },
    { id: 'synapse', text: 'The synapse', to: [80, -130] },
  ],
  cascade: (s) =>
    s.rival
      ? [
          { id: 'rival', text: 'Rival\nhypothesis' },
          { id: 'ket', text: 'Ketamine\nat rest', to: [PORE[0] + 8, PORE[1] + 2] },
          { id: 'eef2k', text: 'eEF2 kinase\noff', to: [-78, 198] },
          { id: 'bdnf-made', text: 'BDNF\nmade', to: [-160, 168] },
          { id: 'trkb', text: 'TrkB', to: [162, 60] },
        ]
      : [
          { id: 'bdnf', text: 'BDNF', to: [176, 33] },
          { id: 'trkb', text: 'TrkB', to: [162, 60] },
          { id: 'mtor', text: 'mTORC1', to: [40, 196] },
          { id: 'proteins', text: 'Synapse\nproteins', to: [-64, 64] },
        ],
  dendrite: (s) => [
    { id: 'count', text: `Spines: ${s.spines}` },
    // The new spines left and right of the synapse are named from their own side: one leader
    // across the whole drawing (through the terminal) was the first thing the eye followed.
    ...(s.spines > 3
      ? [
          { id: 'new', text: 'New spines', to: SPINES_NEW.filter((x) => x < 0).map((x) => [x, 58] as Pt) },
          { id: 'new-r', text: 'New spine', to: SPINES_NEW.filter((x) => x > 0).map((x) => [x, 58] as Pt) },
        ]
      : []),
    { id: 'dendrite', text: 'Dendrite', to: [250, 212] },
  ],
};

// Where each name goes, per layout and framing (view units): [x, y of the first baseline, align].
const SPOTS: Record<Layout, Record<Framing, Record<string, Spot>>> = {
  wide: {
    synapse: {
      terminal: [222, 30, 'end'],
      glutamate: [222, 84, 'end'],
      ampa: [222, 150, 'end'],
      na: [222, 196, 'end'],
      mg: [410, 30, 'start'],
      ket: [410, 84, 'start'],
      nmda: [410, 150, 'start'],
      ca: [410, 196, 'start'],
      spine: [410, 237, 'start'],
      dendrite: [222, 237, 'end'],
    },
    circuit: {
      'gaba-cell': [175, 150, 'end'],
      brake: [215, 26, 'middle'],
      'ket-i': [175, 75, 'end'],
      pyramidal: [440, 50, 'start'],
      synapse: [462, 200, 'start'],
    },
    cascade: {
      bdnf: [470, 40, 'start'],
      trkb: [470, 120, 'start'],
      mtor: [230, 237, 'end'],
      proteins: [8, 130, 'start'],
      rival: [10, 30, 'start'],
      ket: [424, 30, 'start'],
      eef2k: [226, 237, 'end'],
      'bdnf-made': [196, 172, 'end'],
    },
    dendrite: {
      count: [630, 30, 'end'],
      new: [120, 60, 'middle'],
      'new-r': [630, 100, 'end'],
      dendrite: [440, 236, 'middle'],
    },
  },
  tall: {
    synapse: {
      terminal: [7, 130, 'start'],
      glutamate: [7, 60, 'start'],
      ampa: [7, 250, 'start'],
      na: [7, 320, 'start'],
      mg: [333, 60, 'end'],
      ket: [333, 130, 'end'],
      nmda: [333, 250, 'end'],
      ca: [333, 320, 'end'],
      spine: [260, 404, 'middle'],
      dendrite: [70, 404, 'middle'],
    },
    circuit: {
      'gaba-cell': [40, 240, 'middle'],
      brake: [110, 40, 'middle'],
      'ket-i': [7, 100, 'start'],
      pyramidal: [250, 52, 'middle'],
      synapse: [250, 404, 'middle'],
    },
    cascade: {
      bdnf: [300, 150, 'middle'],
      trkb: [300, 270, 'middle'],
      mtor: [250, 380, 'middle'],
      proteins: [70, 370, 'middle'],
      rival: [7, 24, 'start'],
      ket: [333, 150, 'end'],
      eef2k: [100, 380, 'middle'],
      'bdnf-made': [40, 230, 'middle'],
    },
    dendrite: {
      count: [333, 28, 'end'],
      new: [110, 340, 'middle'],
      'new-r': [333, 190, 'end'],
      dendrite: [270, 340, 'middle'],
    },
  },
};

/** The labels shown at a step, in a layout. */
export function labelsFor(layout: Layout, state: SceneState): Label[] {
  const spots = SPOTS[layout][state.framing];
  return NAMES[state.framing](state).map((n) => {
    const spot = spots[n.id] ?? [0, 0, 'start'];
    const to = n.to === undefined ? [] : typeof n.to[0] === 'number' ? [n.to as Pt] : (n.to as Pt[]);
    // The wide layout keeps labels on one line, except ketamine's (its column is narrow there).
    const lines = layout === 'tall' || n.id === 'ket' ? n.text.split('\n') : [n.text.replace('\n', ' ')];
    return { id: n.id, text: lines.join(' '), lines, to, x: spot[0], y: spot[1], align: spot[2] };
  });
}

/** Line height of a label's lines, in ems. */
export const LABEL_LINE = 1.2;

/**
 * The plate behind a label (view units) for a text `width`: 6 units of room at each side and a
 * line's height per line. Plates, not only their text, stay inside the picture and apart.
 */
export function plateBox(l: Label, font: number, width: number): { left: number; top: number; w: number; h: number } {
  const w = width + 12;
  const left = l.align === 'start' ? l.x - 6 : l.align === 'end' ? l.x - w + 6 : l.x - w / 2;
  return { left, top: l.y - font, w, h: font * (0.35 + LABEL_LINE * l.lines.length) };
}

/** A rough text width (view units) for the label plate; the tests measure the real text. */
export function textWidth(text: string, font: number): number {
  let w = 0;
  for (const ch of text) w += /[⁺²]/.test(ch) ? 0.45 : /[ il.:]/.test(ch) ? 0.32 : /[A-Z]/.test(ch) ? 0.74 : 0.62;
  return w * font;
}
