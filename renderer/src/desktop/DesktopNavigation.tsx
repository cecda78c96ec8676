import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useClient } from '../client/client';

/** Opens the route the desktop host asks for (a clicked OS notification, a deep link). Renders nothing. */
export function DesktopNavigation() {
  const { transport } = useClient();
  const navigate = useNavigate();
  useEffect(
    () =>
      transport.on('app.navigate', ({ path }) => {
        // Only in-app routes: the host sends paths such as "/parts/12", never URLs.
        if (path.startsWith('/')) void navigate(path);
      }),
    [transport, navigate],
  );
  return null;
}
