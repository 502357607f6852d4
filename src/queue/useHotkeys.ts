import { useEffect, useLayoutEffect, useRef } from 'react';
import { commandOfKey, isCommandKey, type PhotoCommand, type QueueCommand } from './hotkeys';

/**
 * Binds a screen's keys (one scope of the hotkeys table) while `enabled`: each press of one runs
 * its command, with whatever the screen holds at that moment.
 */
export function useHotkeys(scope: 'queue', run: (command: QueueCommand) => void, enabled?: boolean): void;
export function useHotkeys(scope: 'photo', run: (command: PhotoCommand) => void, enabled?: boolean): void;
export function useHotkeys(
  scope: 'queue' | 'photo',
  run: (command: QueueCommand & PhotoCommand) => void,
  enabled = true,
): void {
  const runRef = useRef(run);
  // Before paint, not after: a key pressed the moment the next item shows must act on that item.
  useLayoutEffect(() => {
    runRef.current = run;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // A held key repeats: one press is one command.
      if (!isCommandKey(event)) return;
      const command = scope === 'queue' ? commandOfKey(event.key, 'queue') : commandOfKey(event.key, 'photo');
      if (!command) return;
      event.preventDefault();
      runRef.current(command as QueueCommand & PhotoCommand);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [scope, enabled]);
}
