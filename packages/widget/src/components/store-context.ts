import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Store } from '../store';

/** The mounted widget's store, provided once at the root. */
export const StoreContext = createContext<Store | undefined>(undefined);

/** The widget's store; components read its signals during render. */
export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('Rapport widget component rendered outside its StoreContext');
  return store;
}
