import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ClientProvider } from './client/ClientProvider';
import type { Transport } from './client/transport';
import { DesktopNavigation } from './desktop/DesktopNavigation';
import { AppLayout } from './layout/AppLayout';
import { BuildPage } from './pages/builds/BuildPage';
import { BuildsPage } from './pages/builds/BuildsPage';
import { PurchaseOrderPage } from './pages/purchasing/PurchaseOrderPage';
import { PurchaseOrdersPage } from './pages/purchasing/PurchaseOrdersPage';
import { SuppliersPage } from './pages/purchasing/SuppliersPage';
import { ReorderPage } from './pages/reorder/ReorderPage';
import { CategoriesPage } from './pages/categories/CategoriesPage';
import { CategoryPage } from './pages/categories/CategoryPage';
import { HistoryPage } from './pages/history/HistoryPage';
import { HomePage } from './pages/home/HomePage';
import { ImportExportPage } from './pages/import/ImportExportPage';
import { InboxPage } from './pages/inbox/InboxPage';
import { LocationPage } from './pages/locations/LocationPage';
import { LocationsPage } from './pages/locations/LocationsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PartPage } from './pages/parts/PartPage';
import { PartsPage } from './pages/parts/PartsPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { BackupsPage } from './pages/settings/BackupsPage';
import { NotificationSettingsPage } from './pages/settings/NotificationSettingsPage';
import { TeamPage } from './pages/team/TeamPage';
import { StockPage } from './pages/stock/StockPage';
import { UsersPage } from './pages/users/UsersPage';
import { GroupsPage } from './pages/groups/GroupsPage';
import { AdminOnly } from './session/AdminOnly';
import { SessionGate } from './session/SessionGate';
import './styles.css';
import { theme } from './theme';

export function App({ transport }: { transport: Transport }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} className="stockbell-toasts" />
      <ClientProvider transport={transport}>
        <HashRouter>
          <DesktopNavigation />
          <SessionGate>
            <Routes>
              <Route element={<AppLayout />}>
                <Route index element={<HomePage />} />
                <Route path="parts" element={<PartsPage />} />
                <Route path="parts/:id" element={<PartPage />} />
                <Route path="categories" element={<CategoriesPage />} />
                <Route path="categories/:id" element={<CategoryPage />} />
                <Route path="locations" element={<LocationsPage />} />
                <Route path="locations/:id" element={<LocationPage />} />
                <Route path="stock" element={<StockPage />} />
                <Route path="builds" element={<BuildsPage />} />
                <Route path="builds/:id" element={<BuildPage />} />
                <Route path="purchase-orders" element={<PurchaseOrdersPage />} />
                <Route path="purchase-orders/:id" element={<PurchaseOrderPage />} />
                <Route path="reorder" element={<ReorderPage />} />
                <Route path="suppliers" element={<SuppliersPage />} />
                <Route path="import" element={<ImportExportPage />} />
                <Route path="profile" element={<ProfilePage />} />
                <Route path="users" element={<AdminOnly><UsersPage /></AdminOnly>} />
                <Route path="groups" element={<AdminOnly><GroupsPage /></AdminOnly>} />
                <Route path="settings" element={<Navigate to="/settings/notifications" replace />} />
                <Route path="settings/notifications" element={<AdminOnly><NotificationSettingsPage /></AdminOnly>} />
                <Route path="settings/backups" element={<AdminOnly><BackupsPage /></AdminOnly>} />
                <Route path="settings/team" element={<AdminOnly><TeamPage /></AdminOnly>} />
                <Route path="inbox" element={<InboxPage />} />
                <Route path="history" element={<HistoryPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </SessionGate>
        </HashRouter>
      </ClientProvider>
    </MantineProvider>
  );
}
