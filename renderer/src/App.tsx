import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { HashRouter, Route, Routes, useNavigate } from 'react-router-dom';
import { ClientProvider } from './client/ClientProvider';
import type { Transport } from './client/transport';
import { AppLayout } from './layout/AppLayout';
import { CategoriesPage } from './pages/categories/CategoriesPage';
import { CategoryPage } from './pages/categories/CategoryPage';
import { HomePage } from './pages/home/HomePage';
import { LocationPage } from './pages/locations/LocationPage';
import { LocationsPage } from './pages/locations/LocationsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PartPage } from './pages/parts/PartPage';
import { PartsPage } from './pages/parts/PartsPage';
import { StockPage } from './pages/stock/StockPage';
import { SessionGate } from './session/SessionGate';
import { UserChooser } from './session/UserChooser';
import './styles.css';
import { theme } from './theme';

function SwitchUserPage() {
  const navigate = useNavigate();
  return <UserChooser onCancel={() => void navigate(-1)} />;
}

export function App({ transport }: { transport: Transport }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <ClientProvider transport={transport}>
        <HashRouter>
          <SessionGate>
            <Routes>
              <Route path="/switch-user" element={<SwitchUserPage />} />
              <Route element={<AppLayout />}>
                <Route index element={<HomePage />} />
                <Route path="parts" element={<PartsPage />} />
                <Route path="parts/:id" element={<PartPage />} />
                <Route path="categories" element={<CategoriesPage />} />
                <Route path="categories/:id" element={<CategoryPage />} />
                <Route path="locations" element={<LocationsPage />} />
                <Route path="locations/:id" element={<LocationPage />} />
                <Route path="stock" element={<StockPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </SessionGate>
        </HashRouter>
      </ClientProvider>
    </MantineProvider>
  );
}
