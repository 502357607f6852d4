import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider, useNotify, useTranslate, type RaRecord } from 'react-admin';
import type { DecisionAction, ModeratedResource } from '../domain/transitions';
import type { QueueItem, VerityDataProvider } from '../providers/dataProvider';
import { conflictMessage } from '../ui/decisionMessages';

/** A decision taken in this session, with the record as the server wrote it. */
export interface Decided {
  resource: ModeratedResource;
  record: RaRecord;
  action: DecisionAction;
}

/** Renewing a little before the server's 5-minute lease lapses keeps the item ours while it is read. */
const claimRenewalMs = 4 * 60_000;

/**
 * The moderator's queue session: the claimed item on screen, the next one already claimed behind
 * it (so a decision shows the next item at once), and the decisions taken, for undo and for
 * looking back. Claims are released when the session ends; what a decision shows is what the
 * server accepted (pessimistic), and a 409 names who got there first and moves on.
 */
export function useModerationQueue(types: readonly ModeratedResource[]) {
  const dataProvider = useDataProvider<VerityDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  /** undefined while the first item is on its way; null when the queue is empty. */
  const [current, setCurrent] = useState<QueueItem | null | undefined>(undefined);
  const [decided, setDecided] = useState<Decided[]>([]);
  const [busy, setBusy] = useState(false);
  // Read synchronously: two key presses in one tick must not both start a decision on the same item.
  const working = useRef(false);
  const currentRef = useRef<QueueItem | null | undefined>(undefined);
  const upcoming = useRef<QueueItem[]>([]);
  const prefetching = useRef<Promise<void> | null>(null);
  // Bumped when the session ends: a claim that arrives for an ended session is given back.
  const session = useRef(0);
  const typesKey = types.join(',');

  const work = async <T>(task: () => Promise<T>, idle: T): Promise<T> => {
    if (working.current) return idle;
    working.current = true;
    setBusy(true);
    try {
      return await task();
    } finally {
      working.current = false;
      setBusy(false);
    }
  };

  const show = (item: QueueItem | null) => {
    currentRef.current = item;
    setCurrent(item);
  };

  const release = useCallback(
    (item: QueueItem) => void dataProvider.release(item.resource, item.record.id).catch(() => undefined),
    [dataProvider],
  );

  const claimNext = useCallback(
    async (id: number): Promise<QueueItem | null> => {
      const item = await dataProvider.nextInQueue(typesKey.split(',') as ModeratedResource[]);
      if (item && id !== session.current) {
        release(item);
        return null;
      }
      return item;
    },
    [dataProvider, release, typesKey],
  );

  const prefetch = useCallback(
    (id: number) => {
      if (upcoming.current.length > 0 || prefetching.current) return;
      const fetching = claimNext(id)
        .then((item) => {
          if (item) upcoming.current.push(item);
        })
        .catch(() => undefined)
        .finally(() => {
          if (prefetching.current === fetching) prefetching.current = null;
        });
      prefetching.current = fetching;
    },
    [claimNext],
  );

  /** Shows the next item: the one claimed ahead if any, else a fresh claim. */
  const advance = useCallback(async () => {
    const id = session.current;
    try {
      await prefetching.current;
      const item = upcoming.current.shift() ?? (await claimNext(id));
      if (id !== session.current) return;
      show(item);
      if (item) prefetch(id);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      show(null);
    }
  }, [claimNext, notify, prefetch]);

  useEffect(() => {
    const id = ++session.current;
    void advance();
    return () => {
      session.current = id + 1;
      const held = [currentRef.current, ...upcoming.current].filter((item): item is QueueItem => !!item);
      upcoming.current = [];
      currentRef.current = undefined;
      held.forEach(release);
    };
  }, [advance, release]);

  // The lease lapses on its own after a few minutes; a long read should not lose the item.
  useEffect(() => {
    if (!current) return;
    const timer = setInterval(
      () => void dataProvider.claim(current.resource, current.record.id).catch(() => undefined),
      claimRenewalMs,
    );
    return () => clearInterval(timer);
  }, [current, dataProvider]);

  const decide = (action: DecisionAction, options: { reasonCode?: string; note?: string } = {}) =>
    work(async () => {
      const item = currentRef.current;
      if (!item) return false;
      try {
        const record = await dataProvider.decide(item.resource, item.record.id, {
          action,
          reasonCode: options.reasonCode ?? null,
          note: options.note?.trim() || null,
          version: item.record.version,
        });
        setDecided((list) => [...list, { resource: item.resource, record, action }]);
      } catch (error) {
        const conflict = conflictMessage(error, translate);
        if (!conflict) {
          notify((error as Error).message, { type: 'error' });
          return false;
        }
        notify(conflict, { type: 'warning' });
      }
      await advance();
      return true;
    }, false);

  /** Gives the item back to the queue and takes the next. */
  const skip = () =>
    work(async () => {
      const item = currentRef.current;
      if (!item) return;
      await advance();
      // Released only once the item after the next is claimed, or that claim would take it straight back.
      await prefetching.current;
      release(item);
    }, undefined);

  /**
   * Reverts a decision of this session (the server's revert, audited) and shows the item again,
   * claimed, in front of the one that was on screen.
   */
  const undo = (entry: Decided | undefined = decided.at(-1)) =>
    work(async () => {
      if (!entry) return false;
      try {
        const reverted = await dataProvider.decide(entry.resource, entry.record.id, {
          action: 'revert',
          version: entry.record.version,
        });
        setDecided((list) => list.filter((other) => other !== entry));
        const claimed = await dataProvider.claim(entry.resource, entry.record.id).catch(() => reverted);
        if (currentRef.current) upcoming.current.unshift(currentRef.current);
        show({ resource: entry.resource, record: claimed });
        notify('verity.queue.undone', { type: 'info' });
        return true;
      } catch (error) {
        notify(conflictMessage(error, translate) ?? (error as Error).message, { type: 'error' });
        return false;
      }
    }, false);

  const refresh = () => void advance();

  return { current, decided, busy, decide, skip, undo, refresh };
}
