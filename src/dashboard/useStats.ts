import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { StatsName, VerityDataProvider } from '../providers/dataProvider';

/** One of the dashboard's statistics, refreshed every minute while the page is open. */
export function useStats<T>(name: StatsName) {
  const dataProvider = useDataProvider<VerityDataProvider>();
  return useQuery({
    queryKey: ['stats', name],
    queryFn: () => dataProvider.stats<T>(name),
    refetchInterval: 60_000,
  });
}
