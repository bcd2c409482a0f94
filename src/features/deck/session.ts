// A deck window's wiring: the deck machine with its effects supplied (announce, focus, broadcast,
// persist), the BroadcastChannel to the other windows, the address (#5) and title, the diagram on
// a slide (stepper-link.svelte.ts) and the input (input.ts). Set up for a component by window.svelte.ts
// (DeckControls.svelte in the audience window, PresenterView.svelte in the presenter's).
import type { Actor } from 'xstate';
import { deckMachine } from './deck.machine';
import type { DeckAnnounceKind, DeckContext, DeckFocusTarget, DeckInput } from './deck.types';
import { browserStorage, loadDeckRecord, newWindowId, openDeckChannel, saveDeckRecord, SHORTCUTS_KEY, type DeckTransport } from './channel';
import { DEPTH_KEY, readPref, writePref } from '../../platform/prefs';
import { fitSlide, fragmentText, showSlide, slidesOf, toggleFullscreen } from './dom';
import { indexFromHash, slideAnnouncement, type DeckCommand } from './keys';
import { onDeckKey, watchPointer, watchSwipe } from './input';
import { linkDeck, publishSteps } from './stepper-link.svelte';

export interface DeckProps {
  deck: string;
  lessonTitle: string;
  titles: string[];
  anchors: string[];
  fragments: number[];
  stepperMax: number[];
  hrefs: { lesson: string; slides: string; presenter: string; handout: string };
}

export type DeckMode = 'audience' | 'presenter';
export type DeckActor = Actor<typeof deckMachine>;

export interface DeckUi {
  /** Writes the polite live region. */
  announce(text: string): void;
  /** Called after the DOM shows a new state (the presenter redraws its preview and notes). */
  rendered?(context: DeckContext): void;
}

/** Whether single-key shortcuts are on (remembered on this device; on by default). */
export const shortcutsOn = () => readPref(SHORTCUTS_KEY) !== 'off';
export const rememberShortcuts = (on: boolean) => writePref(SHORTCUTS_KEY, on ? 'on' : 'off');

export function windowName(props: DeckProps, mode: DeckMode) {
  return `ketamine-course-${mode}-${props.deck}`;
}

export function createDeckSession(props: DeckProps, mode: DeckMode, ui: DeckUi) {
  const browser = typeof window !== 'undefined';
  const storage = browser ? browserStorage() : null;
  const total = props.titles.length;
  const pending: Array<() => void> = [];
  let transport: DeckTransport | null = null;
  let root: HTMLElement | null = null;
  let slides: HTMLElement[] = [];
  let actor: DeckActor | null = null;
  let shortcuts = browser ? shortcutsOn() : true;

  const title = (i: number) => props.titles[i] ?? '';

  function announceKind(context: DeckContext, kind: DeckAnnounceKind) {
    const { index, fragment } = context.nav;
    if (kind === 'slide' || kind === 'unblank') ui.announce(slideAnnouncement(index, total, title(index)));
    else if (kind === 'fragment') {
      const text = fragmentText(slides[index], fragment);
      ui.announce(fragment === 0 ? 'All points hidden' : `Point ${fragment} of ${context.fragments[index]}${text ? `: ${text}` : ''}`);
    } else if (kind === 'blank') {
      // Blanking is announced in the presenter window only: the projector stays silent and black.
      if (mode === 'presenter') ui.announce('Audience screen blanked');
    } else if (kind === 'first') ui.announce('This is the first slide.');
    else if (kind === 'last') ui.announce('This is the last slide.');
    // 'step': the diagram announces its own steps.
  }

  function focusTarget(context: DeckContext, target: DeckFocusTarget) {
    if (!root || target === 'overview' || target === 'help') return;
    const active = document.activeElement as HTMLElement | null;
    const lost = !active || active === document.body || !root.contains(active) || Boolean(active.closest('[inert]'));
    if (!lost) return;
    if (target === 'slide') slides[context.nav.index]?.focus({ preventScroll: true });
    else root.focus({ preventScroll: true });
  }

  const machine = deckMachine.provide({
    actions: {
      announce: ({ context }, { kind }) => void pending.push(() => announceKind(context, kind)),
      focus: ({ context }, { target }) => void pending.push(() => focusTarget(context, target)),
      broadcast: (_, { message }) => transport?.post(message),
      persist: (_, { record }) => saveDeckRecord(storage, props.deck, record),
    },
  });

  const input: DeckInput = {
    deck: props.deck,
    id: browser ? newWindowId() : 'server',
    fragments: props.fragments,
    stepperMax: props.stepperMax,
    record: browser ? loadDeckRecord(storage, props.deck, total) : null,
    start: browser ? indexFromHash(location.hash, total, props.anchors) : null,
  };

  let lastIndex = -1;
  function render(context: DeckContext) {
    if (!root) return;
    const { nav } = context;
    showSlide(slides, nav);
    root.toggleAttribute('data-blank', nav.blank);
    // The thin progress line (CSSOM, not a style attribute: the CSP forbids inline styles).
    root.style.setProperty('--deck-progress', String(total > 1 ? nav.index / (total - 1) : 1));
    if (nav.index !== lastIndex) {
      lastIndex = nav.index;
      fitSlide(slides[nav.index]);
      const hash = `#${nav.index + 1}`;
      if (location.hash !== hash) history.replaceState(history.state, '', hash);
      const where = `${nav.index + 1}/${total}: ${title(nav.index)}`;
      document.title = `${mode === 'presenter' ? 'Presenter · ' : ''}${where} · ${props.lessonTitle} · Slides`;
    }
    // The diagram on a slide shows the machine's step for it.
    publishSteps(nav.steps);
    ui.rendered?.(context);
    for (const effect of pending.splice(0)) effect();
  }

  const send = (type: 'NEXT' | 'PREVIOUS') => actor?.send({ type });
  const next = () => send('NEXT');
  const previous = () => send('PREVIOUS');

  function openOther() {
    const current = actor ? actor.getSnapshot().context.nav.index + 1 : 1;
    const other: DeckMode = mode === 'audience' ? 'presenter' : 'audience';
    const href = (other === 'presenter' ? props.hrefs.presenter : props.hrefs.slides) + `#${current}`;
    window.open(href, windowName(props, other))?.focus();
  }

  const EVENTS = { first: 'FIRST', last: 'LAST', escape: 'ESCAPE', overview: 'TOGGLE_OVERVIEW', help: 'TOGGLE_HELP', blank: 'TOGGLE_BLANK' } as const;
  function run(command: DeckCommand) {
    if (!actor) return;
    if (command === 'next') return next();
    if (command === 'previous') return previous();
    if (command === 'fullscreen') return void toggleFullscreen();
    if (command === 'presenter') return openOther();
    actor.send({ type: EVENTS[command] });
  }

  /** Connects the session to the page. Returns the clean-up. */
  function attach(deckRoot: HTMLElement, deckActor: DeckActor, options: { columns?: () => number } = {}): () => void {
    root = deckRoot;
    actor = deckActor;
    slides = slidesOf(deckRoot);
    const columns = options.columns ?? (() => 1);
    const cleanups: Array<() => void> = [];
    const listen = (target: EventTarget, type: string, fn: (e: never) => void) => {
      target.addEventListener(type, fn as EventListener);
      cleanups.push(() => target.removeEventListener(type, fn as EventListener));
    };
    const refit = (keep = false) => fitSlide(slides[deckActor.getSnapshot().context.nav.index], { keep });

    deckRoot.classList.add('deck-js');
    const subscription = deckActor.subscribe((snap) => render(snap.context));
    cleanups.push(() => subscription.unsubscribe());
    render(deckActor.getSnapshot().context);

    transport = openDeckChannel(props.deck, (message) => deckActor.send({ type: 'RECEIVE', message }));
    cleanups.push(() => transport?.close());
    deckActor.send({ type: 'CONNECT' });

    // The diagram on a slide: a step taken inside it goes to the machine; new words may need a refit.
    cleanups.push(
      linkDeck({
        take: (index, step) => deckActor.send({ type: 'STEPPER', index, step }),
        shown: (index) => index === deckActor.getSnapshot().context.nav.index && refit(true),
      }),
    );

    listen(deckRoot, 'keydown', (e: KeyboardEvent) => onDeckKey(e, { actor: deckActor, run, columns, shortcuts: () => shortcuts }));
    cleanups.push(watchPointer(deckRoot, listen));
    const stage = deckRoot.querySelector<HTMLElement>('[data-deck-stage]');
    if (stage) watchSwipe(stage, listen, (command) => run(command));

    listen(window, 'hashchange', () => {
      const index = indexFromHash(location.hash, total, props.anchors);
      if (index !== null && index !== deckActor.getSnapshot().context.nav.index) deckActor.send({ type: 'GOTO', index });
    });
    // The reading depth chosen in one window applies in the other (they share localStorage).
    listen(window, 'storage', (e: StorageEvent) => {
      if (e.key === DEPTH_KEY && (e.newValue === 'plain' || e.newValue === 'clinical')) {
        document.documentElement.dataset.depth = e.newValue;
        refit();
      }
    });
    listen(window, 'resize', () => refit());
    const depthWatch = new MutationObserver(() => refit());
    depthWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-depth', 'data-theme'] });
    cleanups.push(() => depthWatch.disconnect());

    return () => {
      for (const clean of cleanups.splice(0)) clean();
      actor = null;
      root = null;
    };
  }

  return {
    machine,
    input,
    attach,
    run,
    next,
    previous,
    openOther,
    get shortcuts() {
      return shortcuts;
    },
    setShortcuts(on: boolean) {
      shortcuts = on;
      rememberShortcuts(on);
    },
    setDepth(depth: 'plain' | 'clinical') {
      document.documentElement.dataset.depth = depth;
      writePref(DEPTH_KEY, depth);
    },
  };
}

export type DeckSession = ReturnType<typeof createDeckSession>;
