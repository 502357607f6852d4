import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface RuleFocusValue {
  /** The failed rule whose evidence the moderator asked to see in the text. */
  focused: string | null;
  focus: (ruleId: string | null) => void;
}

const RuleFocusContext = createContext<RuleFocusValue>({ focused: null, focus: () => undefined });

/**
 * Ties a record's rule results (in the aside) to the highlights in its text (in the content):
 * picking a failed rule emphasises its spans and brings the first one into view.
 */
export const RuleFocusProvider = ({ children }: { children: ReactNode }) => {
  const [focused, setFocused] = useState<string | null>(null);
  const focus = useCallback((ruleId: string | null) => {
    setFocused(ruleId);
    if (ruleId === null) return;
    document
      .querySelector(`mark[data-rules~="${CSS.escape(ruleId)}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);
  const value = useMemo(() => ({ focused, focus }), [focused, focus]);
  return <RuleFocusContext.Provider value={value}>{children}</RuleFocusContext.Provider>;
};

export const useRuleFocus = () => useContext(RuleFocusContext);
