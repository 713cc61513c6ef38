import { useCallback, useEffect, useState } from 'react';

const STORAGE_KEY = 'sift.layout';

interface LayoutPreferences {
  sidebarHidden: boolean;
  compact: boolean;
}

function load(): LayoutPreferences {
  // A narrow window starts with the list in one-line rows, so titles are not wrapped three times.
  const fallback = { sidebarHidden: false, compact: window.innerWidth < 1200 };
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (saved && typeof saved === 'object') {
      const value = saved as Partial<LayoutPreferences>;
      return { sidebarHidden: value.sidebarHidden === true, compact: value.compact ?? fallback.compact };
    }
  } catch {
    // unreadable preferences: the defaults
  }
  return fallback;
}

/** How the window is laid out (sidebar shown, one-line rows): the reader's choice, kept across sessions. */
export function useLayoutPreferences() {
  const [preferences, setPreferences] = useState<LayoutPreferences>(load);
  useEffect(() => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
    } catch {
      // storage full or disabled: the choice lasts this session
    }
  }, [preferences]);
  const toggleSidebar = useCallback(() => setPreferences((value) => ({ ...value, sidebarHidden: !value.sidebarHidden })), []);
  const toggleCompact = useCallback(() => setPreferences((value) => ({ ...value, compact: !value.compact })), []);
  return { ...preferences, toggleSidebar, toggleCompact };
}
