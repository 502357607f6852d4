/**
 * Every key of the queue screen, in one table: the screen binds these and the help dialog (`?`)
 * lists them, so the two cannot drift apart. Labels are translation keys.
 */
export const queueHotkeys = [
  { key: 'a', command: 'approve', label: 'verity.queue.keys.approve' },
  { key: 'r', command: 'reject', label: 'verity.queue.keys.reject' },
  { key: 'e', command: 'escalate', label: 'verity.queue.keys.escalate' },
  { key: 's', command: 'skip', label: 'verity.queue.keys.skip' },
  { key: 'u', command: 'undo', label: 'verity.queue.keys.undo' },
  { key: 'j', command: 'next', label: 'verity.queue.keys.next' },
  { key: 'k', command: 'previous', label: 'verity.queue.keys.previous' },
  { key: '?', command: 'help', label: 'verity.queue.keys.help' },
] as const;

export type QueueCommand = (typeof queueHotkeys)[number]['command'];

/** The reason picker's own keys, listed in the help dialog after the screen's. */
export const reasonPickerKeys = [
  { key: '1–9', label: 'verity.queue.keys.pick_reason' },
  { key: 'Enter', label: 'verity.queue.keys.confirm' },
  { key: 'Esc', label: 'verity.queue.keys.cancel' },
] as const;

export const commandOfKey = (key: string): QueueCommand | undefined =>
  queueHotkeys.find((hotkey) => hotkey.key === key)?.command;

/** Keys typed into a field are text, not commands (the note, a search box). */
export const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
