/**
 * Every key of the moderation screens, in one table: each screen binds the keys of its scope and
 * the help dialog (`?`) lists them all, so the two cannot drift apart. Labels are translation
 * keys. `queue` keys decide items on the queue screen; `photo` keys drive the photo viewer,
 * wherever a pair is shown (the queue, its page, the list's drawer).
 */
export const hotkeys = [
  { key: 'a', command: 'approve', scope: 'queue', label: 'verity.queue.keys.approve' },
  { key: 'r', command: 'reject', scope: 'queue', label: 'verity.queue.keys.reject' },
  { key: 'e', command: 'escalate', scope: 'queue', label: 'verity.queue.keys.escalate' },
  { key: 's', command: 'skip', scope: 'queue', label: 'verity.queue.keys.skip' },
  { key: 'u', command: 'undo', scope: 'queue', label: 'verity.queue.keys.undo' },
  { key: 'j', command: 'next', scope: 'queue', label: 'verity.queue.keys.next' },
  { key: 'k', command: 'previous', scope: 'queue', label: 'verity.queue.keys.previous' },
  { key: '?', command: 'help', scope: 'queue', label: 'verity.queue.keys.help' },
  { key: '1', command: 'before', scope: 'photo', label: 'verity.queue.keys.before' },
  { key: '2', command: 'after', scope: 'photo', label: 'verity.queue.keys.after' },
  { key: 'w', command: 'wipe', scope: 'photo', label: 'verity.queue.keys.wipe' },
  { key: 'd', command: 'difference', scope: 'photo', label: 'verity.queue.keys.difference' },
  { key: 'f', command: 'flip', scope: 'photo', label: 'verity.queue.keys.flip' },
  { key: '+', command: 'zoomIn', scope: 'photo', label: 'verity.queue.keys.zoom_in' },
  { key: '-', command: 'zoomOut', scope: 'photo', label: 'verity.queue.keys.zoom_out' },
  { key: '0', command: 'zoomReset', scope: 'photo', label: 'verity.queue.keys.zoom_reset' },
] as const;

type Hotkey = (typeof hotkeys)[number];
export type HotkeyScope = Hotkey['scope'];
export type QueueCommand = Extract<Hotkey, { scope: 'queue' }>['command'];
export type PhotoCommand = Extract<Hotkey, { scope: 'photo' }>['command'];

export const queueHotkeys = hotkeys.filter((hotkey) => hotkey.scope === 'queue');
export const photoHotkeys = hotkeys.filter((hotkey) => hotkey.scope === 'photo');

/** The reason picker's own keys, listed in the help dialog after the screen's. */
export const reasonPickerKeys = [
  { key: '1–9', label: 'verity.queue.keys.pick_reason' },
  { key: 'Enter', label: 'verity.queue.keys.confirm' },
  { key: 'Esc', label: 'verity.queue.keys.cancel' },
] as const;

export function commandOfKey(key: string, scope: 'queue'): QueueCommand | undefined;
export function commandOfKey(key: string, scope: 'photo'): PhotoCommand | undefined;
export function commandOfKey(key: string, scope: HotkeyScope) {
  return hotkeys.find((hotkey) => hotkey.key === key && hotkey.scope === scope)?.command;
}

export const keyOf = (command: QueueCommand | PhotoCommand) =>
  hotkeys.find((hotkey) => hotkey.command === command)!.key;

/** Keys typed into a field are text, not commands (the note, a search box). */
export const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Whether a key press is for a screen's commands: not typed into a field, not held down, without
 * a modifier, and not meant for an open dialog (the reason picker takes digits itself).
 */
export const isCommandKey = (event: KeyboardEvent) =>
  !event.repeat &&
  !event.ctrlKey &&
  !event.metaKey &&
  !event.altKey &&
  !event.defaultPrevented &&
  !isTyping(event.target) &&
  !(event.target instanceof Element && event.target.closest('[role="dialog"]'));
