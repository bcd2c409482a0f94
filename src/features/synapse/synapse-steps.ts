// The synapse diagram's steps: the text equivalent of every frame, at two depths.
// Source of every claim: shared/content/ketamine-facts.md §2 (mechanism). Each narration cites ids
// of lessons/references.yaml (the test checks they exist there). Items the fact base marks as hypothesis or animal data say so here.
//
// `plain` aims at reading grade ≤ 8 (short sentences, checked by tests/unit/synapse-steps.test.ts);
// `clinical` is for medical students. `picture` says in plain words what the drawing shows (it is the
// SVG's <desc>). Steps with `compare` offer a "without / with ketamine" view of the same moment.

export const SYNAPSE_CITE_IDS = [
  'traynelis-2010',
  'zhang-2021',
  'phillips-johnson-2020',
  'homayoun-2007',
  'moghaddam-1997',
  'maeng-2008',
  'lepack-2015',
  'li-2010',
  'moda-sava-2019',
  'autry-2011',
  'miller-2014',
  'zanos-gould-2018',
] as const;
export type SynapseCiteId = (typeof SYNAPSE_CITE_IDS)[number];

export interface Narration {
  text: string;
  cites: SynapseCiteId[];
}

export interface CompareView {
  /** What the reader sees in this view, plain words. */
  plain: string;
  /** The same, clinical wording. */
  clinical: string;
  cites: SynapseCiteId[];
}

export interface SynapseStep {
  id: string;
  caption: string;
  /** What the drawing shows (plain words), used as the SVG description. */
  picture: string;
  plain: Narration;
  clinical: Narration;
  /** Whether ketamine is in the picture in this step's default view. */
  ketamine: boolean;
  /** Steps that offer a "without / with ketamine" comparison describe both views. */
  compare?: { without: CompareView; with: CompareView };
}

export const SYNAPSE_STEPS: readonly SynapseStep[] = [
  {
    id: 'resting',
    caption: 'The resting synapse',
    picture:
      'A sending nerve ending at the top holds round bubbles of glutamate. Below a narrow gap, the receiving spine has two kinds of receptor: AMPA and NMDA. A magnesium ion, Mg²⁺, sits in the NMDA channel.',
    plain: {
      text: 'Nerve cells pass messages across a tiny gap called a synapse. The sending end stores a messenger called glutamate in small bubbles. The receiving side has two kinds of gates for it: AMPA and NMDA receptors. At rest, a magnesium ion sits in the NMDA gate and plugs it.',
      cites: ['traynelis-2010'],
    },
    clinical: {
      text: 'A glutamatergic synapse: the presynaptic terminal holds glutamate in vesicles; the postsynaptic spine carries AMPA receptors and NMDA receptors (two GluN1 and two GluN2 subunits). The NMDA receptor needs glutamate bound to GluN2 and glycine or D-serine bound to GluN1. Near the resting potential (about −70 mV), Mg²⁺ blocks its pore.',
      cites: ['traynelis-2010'],
    },
    ketamine: false,
  },
  {
    id: 'coincidence',
    caption: 'Glutamate opens the channels',
    picture:
      'Glutamate crosses the gap. The AMPA receptor opens and sodium, Na⁺, flows in. The magnesium ion leaves the NMDA channel, which opens so calcium, Ca²⁺, flows in.',
    plain: {
      text: 'Glutamate is released into the gap. It opens the AMPA gates first, and sodium flows into the cell. This change in charge pushes the magnesium plug out. Now the NMDA gate can open too, and calcium flows in. The NMDA gate opens only when both things happen at once.',
      cites: ['traynelis-2010'],
    },
    clinical: {
      text: 'Released glutamate activates AMPA receptors, and Na⁺ influx depolarises the spine. Depolarisation relieves the voltage-dependent Mg²⁺ block, so the agonist-bound NMDA receptor conducts Ca²⁺ and Na⁺. Because it needs both presynaptic release and postsynaptic depolarisation, the NMDA receptor works as a coincidence detector.',
      cites: ['traynelis-2010'],
    },
    ketamine: false,
    compare: {
      without: {
        plain: 'Without ketamine: the NMDA gate is open and calcium flows in.',
        clinical: 'Without ketamine: the unblocked NMDA channel conducts Ca²⁺ into the spine.',
        cites: ['traynelis-2010'],
      },
      with: {
        plain: 'With ketamine: the gate still opens, but ketamine slips in and plugs it. Less calcium gets in.',
        clinical: 'With ketamine: once the channel opens, ketamine enters and occludes the pore, so Ca²⁺ influx falls.',
        cites: ['zhang-2021'],
      },
    },
  },
  {
    id: 'block',
    caption: 'Ketamine blocks the channel',
    picture:
      'A six-sided ketamine molecule has moved into the open NMDA channel and sits in the middle of it, so calcium cannot pass. When the channel closes, ketamine can stay trapped inside.',
    plain: {
      text: 'Ketamine can only get into the NMDA gate once the gate is open. It moves inside and sticks in the middle of the channel. Then the gate closes with ketamine caught inside. While it stays there, calcium cannot pass.',
      cites: ['zhang-2021', 'phillips-johnson-2020'],
    },
    clinical: {
      text: 'Ketamine is an uncompetitive, use-dependent open-channel blocker: it reaches its site only after the channel opens. It binds the “PCP site” in the pore, between the gate and the selectivity filter (GluN1 N616, GluN2A L642). When the channel closes, ketamine can stay trapped inside (trapping block).',
      cites: ['zhang-2021', 'phillips-johnson-2020'],
    },
    ketamine: true,
    compare: {
      without: {
        plain: 'Without ketamine: the gate opens and calcium flows in. Then the gate shuts with nothing inside.',
        clinical: 'Without ketamine: the channel opens, conducts Ca²⁺, and closes with an empty pore.',
        cites: ['traynelis-2010'],
      },
      with: {
        plain: 'With ketamine: ketamine slips into the open gate and blocks it. When the gate closes, ketamine can stay caught inside.',
        clinical: 'With ketamine: ketamine occludes the open pore; when the channel closes, it can remain trapped (trapping block).',
        cites: ['zhang-2021', 'phillips-johnson-2020'],
      },
    },
  },
  {
    id: 'disinhibition',
    caption: 'The GABA brake is released',
    picture:
      'A small GABA cell sits beside a large pyramidal nerve cell. Ketamine blocks the NMDA receptors on the GABA cell, so only a few square GABA particles reach the pyramidal cell.',
    plain: {
      text: 'Some nearby cells act like brakes. They release GABA, a chemical that calms the main nerve cell. These brake cells use NMDA gates to stay active. Ketamine blocks those gates, so the brake cells fire less. Less GABA reaches the main cell, and the brake is eased. This idea comes mostly from animal studies.',
      cites: ['homayoun-2007'],
    },
    clinical: {
      text: 'Disinhibition hypothesis: ketamine blocks NMDA receptors on tonically active GABAergic interneurons, which then fire less. Prefrontal pyramidal neurons receive less GABAergic inhibition and are disinhibited. This is the leading hypothesis, based mainly on rodent data.',
      cites: ['homayoun-2007'],
    },
    ketamine: true,
  },
  {
    id: 'glutamate-surge',
    caption: 'A burst of glutamate',
    picture:
      'The freed pyramidal cell sends out a burst of many glutamate particles. AMPA receptors on the receiving spine open wide, marked with bold arrows.',
    plain: {
      text: 'With the brake eased, the main cell sends out a short burst of glutamate. The burst strongly opens AMPA gates on the cells that receive it. In an animal study in mice, a drug that blocks AMPA gates made ketamine’s effect weaker.',
      cites: ['moghaddam-1997', 'maeng-2008'],
    },
    clinical: {
      text: 'Disinhibited pyramidal neurons produce a transient glutamate surge in the prefrontal cortex, which activates postsynaptic AMPA receptors. In mice, pretreatment with the AMPA receptor antagonist NBQX attenuated ketamine’s antidepressant-like effect.',
      cites: ['moghaddam-1997', 'maeng-2008'],
    },
    ketamine: true,
  },
  {
    id: 'bdnf-mtor',
    caption: 'BDNF turns on protein building',
    picture:
      'A chain of four labelled boxes lights up in turn, joined by arrows: BDNF, then its receptor TrkB, then mTORC1, then new synapse proteins.',
    plain: {
      text: 'The strong AMPA signal lets calcium in through other channels. The cell then releases BDNF, a growth signal. BDNF binds to its receptor, called TrkB. This turns on mTORC1, a switch that tells the cell to build new parts for its synapses.',
      cites: ['lepack-2015', 'li-2010'],
    },
    clinical: {
      text: 'AMPA-driven depolarisation opens L-type voltage-gated Ca²⁺ channels and triggers BDNF release. BDNF activates TrkB, which stimulates mTORC1 signalling and the synthesis of synaptic proteins. In rats, the mTORC1 inhibitor rapamycin prevents these effects.',
      cites: ['lepack-2015', 'li-2010'],
    },
    ketamine: true,
  },
  {
    id: 'synaptogenesis',
    caption: 'New spines grow',
    picture:
      'A branch of a nerve cell with its small spines. New spines, drawn with dashed outlines and marked “new”, grow out from it and some spines get larger.',
    plain: {
      text: 'Within about a day, new and larger spines grow on the nerve cells. Spines are the small bumps where synapses form. This was seen in animals. The new spines seem to help the effect last, but they do not start it.',
      cites: ['li-2010', 'moda-sava-2019'],
    },
    clinical: {
      text: 'Within 24 hours, rats show more and larger dendritic spines on prefrontal pyramidal neurons, an effect that rapamycin prevents. In mice, the new spines are not needed for the initial response but help sustain it. These are rodent data.',
      cites: ['li-2010', 'moda-sava-2019'],
    },
    ketamine: true,
  },
  {
    id: 'direct-hypothesis',
    caption: 'Another idea: BDNF made directly',
    picture:
      'Labelled “Another hypothesis”. At a quiet synapse, ketamine blocks the NMDA receptor. The eEF2 kinase box is crossed out and marked “off”, and an arrow leads straight to BDNF being made.',
    plain: {
      text: 'Not all scientists agree with the steps above. Another idea starts at a quiet synapse. Even at rest, small puffs of glutamate keep NMDA gates a little active. That keeps an enzyme called eEF2 kinase switched on, and it holds back BDNF. Ketamine’s block turns the enzyme off, so the cell quickly makes BDNF. The true mechanism is not settled.',
      cites: ['autry-2011', 'zanos-gould-2018'],
    },
    clinical: {
      text: 'Competing “direct” hypothesis: at rest, spontaneous glutamate release activates NMDA receptors, and the Ca²⁺ keeps eEF2 kinase active, so eEF2 stays phosphorylated and BDNF translation is suppressed. Ketamine’s block switches eEF2 kinase off; eEF2 is dephosphorylated and BDNF is rapidly synthesised, acting through TrkB to potentiate synapses. A variant proposes blockade of extrasynaptic GluN2B receptors. The mechanism is not settled.',
      cites: ['autry-2011', 'miller-2014', 'zanos-gould-2018'],
    },
    ketamine: true,
  },
];

export const STEP_COUNT = SYNAPSE_STEPS.length;

/** The step at a 1-based position (clamped into range). */
export function stepAt(position: number): SynapseStep {
  const i = Math.min(Math.max(Math.round(position) || 1, 1), STEP_COUNT) - 1;
  return SYNAPSE_STEPS[i]!;
}

/** "Step 3 of 8: Ketamine blocks the channel" */
export function stepLabel(position: number): string {
  return `Step ${position} of ${STEP_COUNT}: ${stepAt(position).caption}`;
}
