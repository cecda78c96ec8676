import { useParams } from 'react-router-dom';

/** The `:id` of the route as a positive integer, or null when the address is not a valid id. */
export function useIdParam(): number | null {
  const { id } = useParams();
  const value = Number(id);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
