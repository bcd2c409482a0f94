// A deck window's wiring: the deck machine with its effects supplied (announce, focus, broadcast,
// persist), the BroadcastChannel to the other windows, the keyboard, the address (#5) and title,
// and the diagram on a slide. Used by DeckControls.svelte (audience) and PresenterView.svelte.
import type { Actor } from 'xstate';
import { deckMachine } from '../machines/deck.machine';
import type { DeckAnnounceKind, DeckContext, DeckFocusTarget, DeckInput } from '../machines/deck.types';
import { browserStorage, loadDeckRecord, newWindowId, openDeckChannel, saveDeckRecord, SHORTCUTS_KEY, type DeckTransport } from '../lib/deck-sync';
import { DEPTH_KEY, readPref, writePref } from '../platform/prefs';
import {
  askStepper,
  commandForKey,
  fitSlide,
  fragmentText,
  indexFromHash,
  moveStepperTo,
  readStep,
  showSlide,
  slideAnnouncement,
  slidesOf,
  stepperOf,
  toggleFullscreen,
  watchStepper,
  whenHydrated,
  type DeckCommand,
} from './deck-runtime';

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
  // While the deck moves a diagram to a received step, the diagram's own DOM changes are not news.
  let reconciling = false;
  // Each diagram's step as last moved or seen. Its DOM lags a microtask behind its state, so
  // reading the DOM right after a step would give the old one.
  const stepperAt: Array<number | undefined> = [];
  const stepOf = (i: number, stepper: HTMLElement) => stepperAt[i] ?? readStep(stepper);

  const title = (i: number) => props.titles[i] ?? '';

  function announceKind(context: DeckContext, kind: DeckAnnounceKind) {
    const { index, fragment } = context.nav;
    if (kind === 'slide') ui.announce(slideAnnouncement(index, total, title(index)));
    else if (kind === 'fragment') {
      const text = fragmentText(slides[index], fragment);
      ui.announce(fragment === 0 ? 'All points hidden' : `Point ${fragment} of ${context.fragments[index]}${text ? `: ${text}` : ''}`);
    } else if (kind === 'blank') {
      // Blanking is announced in the presenter window only: the projector stays silent and black.
      if (mode === 'presenter') ui.announce('Audience screen blanked');
    }
    else if (kind === 'unblank') ui.announce(slideAnnouncement(index, total, title(index)));
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
    syncSteppers(context);
    ui.rendered?.(context);
    for (const effect of pending.splice(0)) effect();
  }

  function syncSteppers(context: DeckContext) {
    context.stepperMax.forEach((max, i) => {
      const stepper = max > 0 ? stepperOf(slides[i]) : null;
      const at = stepper ? stepOf(i, stepper) : null;
      if (!stepper || at === null || at === context.nav.steps[i]) return;
      reconciling = true;
      stepperAt[i] = moveStepperTo(stepper, at, context.nav.steps[i]);
      setTimeout(() => (reconciling = false), 0);
    });
  }

  /** Asks the current slide's diagram for a step; true (and the deck told) when it took one. */
  function stepForward(index: number, direction: 'next' | 'previous'): boolean {
    const stepper = stepperOf(slides[index]);
    const before = stepper ? stepOf(index, stepper) : null;
    if (!stepper || before === null || !askStepper(stepper, direction)) return false;
    stepperAt[index] = before + (direction === 'next' ? 1 : -1);
    actor!.send({ type: 'STEPPER', index, step: stepperAt[index]! });
    return true;
  }

  function next() {
    if (!actor) return;
    const snap = actor.getSnapshot();
    const { nav, fragments } = snap.context;
    if (snap.value === 'slides' && !nav.blank && nav.index === total - 1 && nav.fragment >= fragments[nav.index]) {
      if (!stepForward(nav.index, 'next')) ui.announce('This is the last slide.');
      return;
    }
    if (snap.value === 'slides' && !nav.blank && nav.fragment >= fragments[nav.index]) {
      if (stepForward(nav.index, 'next')) return;
    }
    actor.send({ type: 'NEXT' });
  }

  function previous() {
    if (!actor) return;
    const snap = actor.getSnapshot();
    const { nav } = snap.context;
    if (snap.value === 'slides' && !nav.blank && nav.index === 0 && nav.fragment === 0) return ui.announce('This is the first slide.');
    if (snap.value === 'slides' && !nav.blank && nav.fragment === 0) {
      if (stepForward(nav.index, 'previous')) return;
    }
    actor.send({ type: 'PREVIOUS' });
  }

  function openOther() {
    const current = actor ? actor.getSnapshot().context.nav.index + 1 : 1;
    const other: DeckMode = mode === 'audience' ? 'presenter' : 'audience';
    const href = (other === 'presenter' ? props.hrefs.presenter : props.hrefs.slides) + `#${current}`;
    window.open(href, windowName(props, other))?.focus();
  }

  function run(command: DeckCommand) {
    if (!actor) return;
    switch (command) {
      case 'next':
        return next();
      case 'previous':
        return previous();
      case 'first':
        return actor.send({ type: 'FIRST' });
      case 'last':
        return actor.send({ type: 'LAST' });
      case 'escape':
        return actor.send({ type: 'ESCAPE' });
      case 'overview':
        return actor.send({ type: 'TOGGLE_OVERVIEW' });
      case 'help':
        return actor.send({ type: 'TOGGLE_HELP' });
      case 'blank':
        return actor.send({ type: 'TOGGLE_BLANK' });
      case 'fullscreen':
        return void toggleFullscreen();
      case 'presenter':
        return openOther();
    }
  }

  /** Keys in the overview: arrows move the highlight (up/down by a row), Enter picks (a button). */
  function overviewKey(event: KeyboardEvent, columns: () => number) {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      PageDown: 1,
      PageUp: -1,
      ArrowDown: columns(),
      ArrowUp: -columns(),
    };
    if (event.key in moves) {
      event.preventDefault();
      actor!.send({ type: 'OVERVIEW_MOVE', by: moves[event.key] });
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      actor!.send({ type: event.key === 'Home' ? 'FIRST' : 'LAST' });
    } else if (event.key === 'Escape' || (shortcuts && (event.key === 'o' || event.key === 'O'))) {
      event.preventDefault();
      actor!.send({ type: 'CLOSE' });
    } else if (shortcuts && event.key === '?') {
      event.preventDefault();
      actor!.send({ type: 'TOGGLE_HELP' });
    }
  }

  function onKey(event: KeyboardEvent, columns: () => number) {
    if (!actor || event.defaultPrevented) return;
    const state = actor.getSnapshot().value;
    if (state === 'help') {
      if (event.key === 'Escape' || (shortcuts && event.key === '?')) {
        event.preventDefault();
        actor.send({ type: 'CLOSE' });
      }
      return;
    }
    if (state === 'overview' && !event.ctrlKey && !event.metaKey && !event.altKey) return overviewKey(event, columns);
    // Esc on an open glossary term closes the term (src/mdx/term.ts), not the deck.
    if (event.key === 'Escape' && (event.target as Element | null)?.closest?.('[data-term]')) return;
    const command = commandForKey(event, shortcuts);
    if (!command) return;
    event.preventDefault();
    run(command);
  }

  /** Connects the session to the page. Returns the clean-up. */
  function attach(deckRoot: HTMLElement, deckActor: DeckActor, options: { columns?: () => number } = {}): () => void {
    root = deckRoot;
    actor = deckActor;
    slides = slidesOf(deckRoot);
    const columns = options.columns ?? (() => 1);
    const cleanups: Array<() => void> = [];
    const listen = <K extends keyof WindowEventMap>(target: Window | HTMLElement, type: K | string, fn: (e: never) => void) => {
      target.addEventListener(type, fn as EventListener);
      cleanups.push(() => target.removeEventListener(type, fn as EventListener));
    };

    deckRoot.classList.add('deck-js');
    const subscription = deckActor.subscribe((snap) => render(snap.context));
    cleanups.push(() => subscription.unsubscribe());
    render(deckActor.getSnapshot().context);

    transport = openDeckChannel(props.deck, (message) => deckActor.send({ type: 'RECEIVE', message }));
    cleanups.push(() => transport?.close());
    deckActor.send({ type: 'CONNECT' });

    listen(deckRoot, 'keydown', (e: KeyboardEvent) => onKey(e, columns));

    // The audience's control bar shows for a few seconds after the pointer moves (deck.css).
    let idle: ReturnType<typeof setTimeout> | undefined;
    listen(deckRoot, 'pointermove', () => {
      deckRoot.toggleAttribute('data-pointer', true);
      clearTimeout(idle);
      idle = setTimeout(() => deckRoot.removeAttribute('data-pointer'), 2500);
    });
    cleanups.push(() => clearTimeout(idle));

    // Touch: a horizontal swipe on the slides moves next (leftwards) or previous.
    const stage = deckRoot.querySelector<HTMLElement>('[data-deck-stage]');
    let swipe: { x: number; y: number; id: number } | null = null;
    if (stage) {
      listen(stage, 'pointerdown', (e: PointerEvent) => {
        swipe = e.pointerType === 'mouse' ? null : { x: e.clientX, y: e.clientY, id: e.pointerId };
      });
      listen(stage, 'pointerup', (e: PointerEvent) => {
        if (!swipe || swipe.id !== e.pointerId) return;
        const dx = e.clientX - swipe.x;
        const dy = e.clientY - swipe.y;
        swipe = null;
        if (Math.abs(dx) >= 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) (dx < 0 ? next : previous)();
      });
      listen(stage, 'pointercancel', () => (swipe = null));
    }
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
    const refit = () => fitSlide(slides[deckActor.getSnapshot().context.nav.index]);
    listen(window, 'resize', refit);
    const depthWatch = new MutationObserver(refit);
    depthWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-depth', 'data-theme'] });
    cleanups.push(() => depthWatch.disconnect());

    // Diagrams: once hydrated, bring them to the deck's step and report steps taken inside them.
    props.stepperMax.forEach((max, i) => {
      const stepper = max > 0 ? stepperOf(slides[i]) : null;
      if (!stepper) return;
      whenHydrated(stepper, () => {
        if (!actor) return;
        syncSteppers(deckActor.getSnapshot().context);
        cleanups.push(
          watchStepper(stepper, (step) => {
            stepperAt[i] = step;
            if (!reconciling && step !== deckActor.getSnapshot().context.nav.steps[i]) {
              deckActor.send({ type: 'STEPPER', index: i, step });
            }
            // Another step, other words: make sure they still fit.
            if (i === deckActor.getSnapshot().context.nav.index) fitSlide(slides[i], { keep: true });
          }),
        );
        if (i === deckActor.getSnapshot().context.nav.index) refit();
      });
    });

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
