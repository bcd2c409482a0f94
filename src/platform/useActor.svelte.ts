// A minimal Svelte 5 adapter for XState actors: the component sends events and reads the
// snapshot; the machine stays pure. The snapshot is kept in $state.raw because XState
// snapshots are immutable objects that must not be proxied.
import { createActor, type AnyStateMachine, type Actor, type SnapshotFrom, type ActorOptions } from 'xstate';
import { onDestroy } from 'svelte';

export function useActor<TMachine extends AnyStateMachine>(machine: TMachine, options?: ActorOptions<TMachine>) {
  const actor = createActor(machine, options) as Actor<TMachine>;
  let snapshot = $state.raw(actor.getSnapshot() as SnapshotFrom<TMachine>);
  const subscription = actor.subscribe((next) => {
    snapshot = next as SnapshotFrom<TMachine>;
  });
  actor.start();
  onDestroy(() => {
    subscription.unsubscribe();
    actor.stop();
  });
  return {
    actor,
    send: actor.send.bind(actor) as Actor<TMachine>['send'],
    get snapshot() {
      return snapshot;
    },
  };
}
