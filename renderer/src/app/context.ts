/**
 * React access to the API client chosen at start.
 *
 * @example
 * const client = useClient();
 * const docs = await client.listDocuments({});
 */
import { createContext, useContext } from 'react';
import type { YanduClient } from '../api';

export const ClientContext = createContext<YanduClient | undefined>(undefined);

export function useClient(): YanduClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientContext');
  return client;
}
