import { create } from 'zustand';
import type { GridSort } from '../../components/VirtualGrid';

/**
 * UI state of the clients list that is not in the URL: the search text (typed
 * letter by letter, it would flood the history) and the sort. Kept here so that
 * coming back from a client page finds the list as it was left.
 */
interface ClientListState {
  search: string;
  sort: GridSort;
  activeIndex: number;
  setSearch: (search: string) => void;
  toggleSort: (column: string) => void;
  setActiveIndex: (index: number) => void;
}

export const useClientListState = create<ClientListState>()((set) => ({
  search: '',
  sort: { column: 'legalName', direction: 'asc' },
  activeIndex: 0,
  setSearch: (search) => set({ search, activeIndex: 0 }),
  toggleSort: (column) =>
    set(({ sort }) => ({
      sort: { column, direction: sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc' },
      activeIndex: 0,
    })),
  setActiveIndex: (activeIndex) => set({ activeIndex }),
}));
